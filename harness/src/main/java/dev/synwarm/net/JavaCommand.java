package dev.synwarm.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The argv that starts another JVM on this JVM's runtime and class path, for helper processes. */
final class JavaCommand {
    private JavaCommand() {}

    static List<String> of(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }
}
