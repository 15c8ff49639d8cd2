package dev.synwarm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.synwarm.host.Check;
import dev.synwarm.host.HostChecks;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = "Check that this machine has what synwarm needs; exit 0 when `run` can work.")
public final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the checks as JSON")
    boolean json;

    record Report(boolean readyToRun, List<Check> checks) {}

    @Override
    public Integer call() throws Exception {
        List<Check> checks = HostChecks.forThisHost().run();
        boolean ready = checks.stream().noneMatch(Check::blocksRun);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Report(ready, checks)));
        } else {
            for (Check c : checks) {
                String tag = c.status() == Check.Status.ok ? "ok     " : (c.requiredForRun() ? "MISSING" : "absent ");
                String fix = c.fix().isEmpty() ? "" : "  → " + c.fix();
                System.out.printf("%s %-18s %s%s%n", tag, c.name(), c.found(), fix);
            }
            System.out.println(ready ? "ready to run" : "not ready: fix the MISSING lines (./synwarm setup installs most)");
        }
        return ready ? Main.EXIT_OK : Main.EXIT_FAILED;
    }
}
