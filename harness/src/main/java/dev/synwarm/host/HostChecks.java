package dev.synwarm.host;

import dev.synwarm.sys.Mounts;
import dev.synwarm.sys.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code synwarm doctor} looks at. Each check reads the machine (files, commands); the ones that a
 * file cannot answer (clsact, netem) are tried for real on a scratch veth pair by {@link QdiscProbe}.
 */
public final class HostChecks {
    /** bpf_loop() (5.17) is the newest kernel feature the probe relies on. */
    static final int[] MIN_KERNEL = {5, 17};
    static final int MIN_JDK = 22;

    private final Path btf;

    /** @param btf the kernel BTF file; a test points it at a missing file to simulate a kernel without BTF */
    public HostChecks(Path btf) {
        this.btf = btf;
    }

    public static HostChecks forThisHost() {
        return new HostChecks(Path.of(System.getProperty("synwarm.btf", "/sys/kernel/btf/vmlinux")));
    }

    /**
     * The checks that decide in microseconds whether a command that creates resources can run at all:
     * root, and (for eBPF) kernel version and BTF. Returns the ones that block.
     */
    public List<Check> preflight(boolean bpf) {
        List<Check> checks = bpf ? List.of(root(), kernel(), btf()) : List.of(root());
        return checks.stream().filter(Check::blocksRun).toList();
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(root());
        checks.add(kernel());
        checks.add(btf());
        String features = bpftoolFeatures();
        checks.add(bpfFeature(features, "XDP", "program_type xdp is available"));
        checks.add(bpfFeature(features, "TC (sched_cls)", "program_type sched_cls is available"));
        checks.add(bpfFeature(features, "sock_ops", "program_type sock_ops is available"));
        checks.add(bpfFeature(features, "ring buffer", "map_type ringbuf is available"));
        checks.add(cgroup2());
        checks.addAll(QdiscProbe.run());
        checks.add(tool("tcconfig (tcset)", "tcset", "optional: netem through tcconfig; tc is used directly otherwise", false));
        checks.add(tool("iproute2 (ip, tc)", "ip", "apt-get install iproute2", true));
        checks.add(tool("ethtool", "ethtool", "apt-get install ethtool", true));
        checks.add(tool("bpftool", "bpftool", "apt-get install bpftool", true));
        checks.add(clang());
        checks.add(libbpf());
        checks.add(docker());
        checks.add(jdk());
        return checks;
    }

    private static Check root() {
        String uid = readStatusField("Uid").map(s -> s.split("\\s+")[1]).orElse("?");
        return uid.equals("0")
                ? Check.ok("root", "euid 0", true)
                : Check.missing("root", "euid " + uid, "run as root (namespaces, eBPF, Docker need it)", true);
    }

    private static Check kernel() {
        String release = read(Path.of("/proc/sys/kernel/osrelease")).orElse("?");
        String[] p = release.split("[.-]");
        boolean ok;
        try {
            int major = Integer.parseInt(p[0]);
            int minor = Integer.parseInt(p[1]);
            ok = major > MIN_KERNEL[0] || (major == MIN_KERNEL[0] && minor >= MIN_KERNEL[1]);
        } catch (RuntimeException e) {
            ok = false;
        }
        String need = MIN_KERNEL[0] + "." + MIN_KERNEL[1];
        return ok
                ? Check.ok("kernel", release, true)
                : Check.missing("kernel", release, "needs Linux >= " + need + " (bpf_loop, sock_ops header options)", true);
    }

    private Check btf() {
        return Files.isReadable(btf)
                ? Check.ok("BTF", btf.toString(), true)
                : Check.missing("BTF", btf + " not found", "a kernel built with CONFIG_DEBUG_INFO_BTF=y", true);
    }

    private static String bpftoolFeatures() {
        if (!Proc.onPath("bpftool")) {
            return "";
        }
        Proc.Result r = Proc.run(List.of("bpftool", "feature", "probe", "kernel"), Duration.ofSeconds(30));
        return r.stdout();
    }

    private static Check bpfFeature(String features, String name, String marker) {
        if (features.isEmpty()) {
            return Check.missing(name, "unknown (bpftool missing)", "apt-get install bpftool", true);
        }
        return features.contains(marker)
                ? Check.ok(name, "available", true)
                : Check.missing(name, "not available", "a kernel with " + name + " support", true);
    }

    private static Check cgroup2() {
        Optional<Path> mount = Mounts.cgroup2();
        return mount.map(p -> Check.ok("cgroup v2", p.toString(), true))
                .orElse(Check.missing("cgroup v2", "no cgroup2 mount", "mount -t cgroup2 none /sys/fs/cgroup/unified", true));
    }

    private static Check tool(String name, String binary, String fix, boolean required) {
        return Proc.onPath(binary) ? Check.ok(name, "on PATH", required) : Check.missing(name, "not found", fix, required);
    }

    private static Check clang() {
        if (!Proc.onPath("clang")) {
            return Check.missing("clang", "not found", "apt-get install clang llvm", true);
        }
        String v = firstLine(Proc.run("clang", "--version").stdout());
        return Check.ok("clang", v, true);
    }

    private static Check libbpf() {
        Proc.Result r = Proc.run("ldconfig", "-p");
        for (String line : r.stdout().split("\n")) {
            if (line.contains("libbpf.so.1 ")) {
                Path lib = Path.of(line.substring(line.indexOf("=>") + 2).strip());
                String version = resolve(lib).getFileName().toString().replace("libbpf.so.", "");
                boolean headers = Files.exists(Path.of("/usr/include/bpf/bpf_helpers.h"));
                return headers
                        ? Check.ok("libbpf", version, true)
                        : Check.missing("libbpf", version + ", headers missing", "apt-get install libbpf-dev", true);
            }
        }
        return Check.missing("libbpf", "libbpf.so.1 not found", "apt-get install libbpf-dev", true);
    }

    private static Check docker() {
        if (!Proc.onPath("docker")) {
            return Check.missing("Docker", "docker CLI not found", "./synwarm setup (installs docker.io, starts dockerd)", true);
        }
        Proc.Result r = Proc.run(List.of("docker", "version", "--format", "{{.Server.Version}} API {{.Server.APIVersion}}"),
                Duration.ofSeconds(15));
        return r.ok()
                ? Check.ok("Docker", firstLine(r.stdout()), true)
                : Check.missing("Docker", "daemon not reachable", "./synwarm setup (starts dockerd)", true);
    }

    private static Check jdk() {
        Runtime.Version v = Runtime.version();
        return v.feature() >= MIN_JDK
                ? Check.ok("JDK", v + " " + System.getProperty("java.home"), true)
                : Check.missing("JDK", v.toString(), "install a JDK >= " + MIN_JDK + " (Temurin 25)", true);
    }

    private static Optional<String> readStatusField(String field) {
        return read(Path.of("/proc/self/status")).flatMap(s -> s.lines()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip())
                .findFirst());
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path resolve(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
