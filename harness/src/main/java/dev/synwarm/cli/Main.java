package dev.synwarm.cli;

import dev.synwarm.host.Check;
import dev.synwarm.host.HostChecks;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synwarm} command line: parse, call one use case, print. The only place that exits. */
@Command(
        name = "synwarm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Can the round trips of connection set-up hide a FaaS cold start?",
        subcommands = {
            CommandLine.HelpCommand.class,
            DoctorCommand.class,
            SetupCommand.class,
            CalibrateCommand.class,
            ColdstartCommand.class,
            ProbeCommand.class,
            RunCommand.class,
            ServeCommand.class,
            ReportCommand.class,
            RegressCommand.class,
            ReproduceCommand.class,
            BenchCommand.class,
            CleanupCommand.class,
        })
public final class Main {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.registerConverter(Duration.class, new DurationConverter());
        cl.setExecutionStrategy(parsed -> {
            Object command = parsed.asCommandLineList().getLast().getCommand();
            if (command instanceof CreatesResources creates) {
                java.io.PrintWriter err = parsed.commandSpec().commandLine().getErr();
                List<Check> blocking = HostChecks.forThisHost().preflight(creates.loadsBpf());
                if (!blocking.isEmpty()) { // before the reaper: it, too, needs root
                    err.println("synwarm: cannot run here: " + blocking.stream()
                            .map(c -> c.name() + " (" + c.found() + "; " + c.fix() + ")").collect(Collectors.joining(", ")));
                    return EXIT_USAGE;
                }
                // Quietly: a bad flag must still get exactly one line of output; `cleanup` is the command
                // that reports what it removes.
                for (StaleReaping.Reaped r : StaleReaping.reapDeadRuns(CleanupCommand.reapers())) {
                    LOG.debug("removed stale {} {}", r.kind(), r.what());
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable cause = ex;
            if (cause instanceof UsageException) {
                line.getErr().println("synwarm: " + oneLine(cause.getMessage()));
                return EXIT_USAGE;
            }
            if (cause instanceof SystemException) {
                line.getErr().println("synwarm: " + oneLine(cause.getMessage()));
                return EXIT_FAILED;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            // One line, the option and value named; the usage text is one --help away.
            ex.getCommandLine().getErr().println("synwarm: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        return cl;
    }

    /** Errors are one line: a message that quotes a multi-line tool output is joined. */
    private static String oneLine(String message) {
        return String.join(" ", String.valueOf(message).lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
