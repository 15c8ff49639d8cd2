package dev.synwarm.bench;

import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A CPU load we control, for measuring under contention: one child JVM ({@link StressLoopMain}) with two
 * busy threads and one allocating one at nice 0 (inherited), i.e. three runnable threads on top of
 * whatever else runs. Registered in {@link Resources}; the child also exits when this JVM dies.
 */
public final class SyntheticLoad implements AutoCloseable {
    public static final String DESCRIPTION =
            "synthetic load: 2 busy threads + 1 allocating thread at nice 0 in a separate JVM";
    private final Process process;
    private final String what;
    private final Resources res;

    private SyntheticLoad(Process process, Resources res) {
        this.process = process;
        this.what = "synthetic load pid " + process.pid();
        this.res = res;
    }

    public static SyntheticLoad start(Resources res) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StressLoopMain.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SystemException("cannot start the synthetic load: " + e.getMessage(), e);
        }
        SyntheticLoad load = new SyntheticLoad(p, res);
        res.add(load.what, load::stop);
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (!StressLoopMain.READY.equals(line)) {
                throw new SystemException("the synthetic load did not start (it said " + line + ")");
            }
        } catch (IOException e) {
            throw new SystemException("cannot read from the synthetic load: " + e.getMessage(), e);
        }
        return load;
    }

    private void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        res.releaseNow(what);
    }
}
