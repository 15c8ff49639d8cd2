package dev.synwarm.cli;

import dev.synwarm.experiment.Runner;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.SystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The measuring step of {@code regress} and {@code reproduce}: each scenario run to completion with
 * {@code run}'s defaults into a new directory under {@code results/}, progress on stderr. Every scenario
 * file is read and validated before the first one starts; a stopped or incomplete run ends the command
 * (its samples stay where the runner put them), since checks on half a run would mean nothing.
 */
final class ScenarioRuns {
    private ScenarioRuns() {}

    static List<Path> measure(List<Path> scenarioFiles, Path repo) {
        List<Scenario> scenarios = scenarioFiles.stream().map(ScenarioReader::read).toList();
        List<Path> dirs = new ArrayList<>();
        for (Scenario s : scenarios) {
            System.err.println("synwarm: running " + s.source() + " (" + s.totalRequests() + " requests)");
            Runner.Outcome o;
            try (StopSignal stop = StopSignal.install()) {
                o = Runner.run(s, Runner.Options.defaults(repo.resolve("results"), repo), stop);
            }
            if (!o.manifest().complete()) {
                throw new SystemException(s.name() + " run incomplete (" + o.manifest().stoppedBecause() + "); "
                        + o.manifest().samples() + " samples kept in " + o.dir());
            }
            System.err.println("synwarm: " + s.name() + " → " + o.dir());
            dirs.add(o.dir());
        }
        return dirs;
    }
}
