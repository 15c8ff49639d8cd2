package dev.synwarm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on: what a reader needs to judge the numbers. */
public record Machine(String cpuModel, int cores, long memoryBytes, String kernel, String jdk, String os) {

    public static Machine describe() {
        String model = "unknown";
        long mem = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    model = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    mem = Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // what cannot be read stays unknown
        }
        return new Machine(model, Runtime.getRuntime().availableProcessors(), mem, read("/proc/sys/kernel/osrelease"),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")", prettyOs());
    }

    /** One line for the README: "Intel Xeon …, 2 cores, 24 GiB, Linux 6.18, JDK 25.0.3 (Eclipse Adoptium)". */
    public String oneLine() {
        return String.format(java.util.Locale.ROOT, "%s, %d cores, %d GiB, %s, Linux %s, JDK %s", cpuModel, cores,
                Math.round(memoryBytes / (double) (1L << 30)), os, kernel, jdk);
    }

    private static String prettyOs() {
        try {
            for (String l : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (l.startsWith("PRETTY_NAME=")) {
                    return l.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
