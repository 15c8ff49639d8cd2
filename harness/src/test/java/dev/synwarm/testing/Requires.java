package dev.synwarm.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.synwarm.sys.Proc;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Preconditions of integration tests. Outside CI a missing precondition skips the test; in CI
 * ({@code CI=true}) .ci/run fails the build when any test was skipped, so these tests always run there.
 */
public final class Requires {
    private Requires() {}

    public static void root() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    }

    public static void bpf() {
        root();
        assumeTrue(Files.exists(Path.of("/sys/kernel/btf/vmlinux")), "needs a kernel with BTF");
    }

    public static void docker() {
        assumeTrue(Proc.onPath("docker") && Proc.run("docker", "version", "--format", "{{.Server.APIVersion}}").ok(),
                "needs a running Docker daemon");
    }

    /** The repository root (set by surefire), for tests that read scenarios/, functions/ or bpf/. */
    public static Path repo() {
        return Path.of(System.getProperty("synwarm.repo", "..")).toAbsolutePath().normalize();
    }
}
