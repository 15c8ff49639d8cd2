package dev.synwarm.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synwarm.measure.Json;
import dev.synwarm.measure.ResultsDir;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.SamplesJournal;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An interrupted run's directory as {@code run --resume} finds it: its scenario (the copy the run
 * kept), its manifest's identity, and the samples already measured. Anything that would mix results
 * (a finished run, a live owner, other code) is a usage error naming the file and field.
 *
 * @param processes the run id of the first process and of every earlier resume
 */
record PartialRun(Path dir, Scenario scenario, List<String> processes, Instant started, String gitCommit,
        List<TimelineRow> rows) {
    static final String SCENARIO_COPY = "scenario.yaml";

    static PartialRun open(Path dir) {
        Path manifest = dir.resolve(ResultsDir.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new UsageException("--resume " + dir + ": no " + ResultsDir.MANIFEST + " (not a synwarm run directory)");
        }
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(manifest.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(manifest + ": not readable JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException(manifest + ": cannot read: " + e.getMessage());
        }
        if (m.path("complete").asBoolean(false)) {
            throw new UsageException(manifest + ": complete is true; nothing to resume");
        }
        List<String> processes = new ArrayList<>();
        processes.add(text(m, manifest, "runId"));
        m.path("resumedBy").forEach(n -> processes.add(n.asText()));
        for (String id : processes) {
            if (id.matches("[a-z0-9]{4}") && Ownership.isLive(new RunId(id))) {
                throw new UsageException(manifest + ": run " + id + " is still running");
            }
        }
        Instant started;
        try {
            started = Instant.parse(text(m, manifest, "started"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(manifest + ": started: not an instant: " + m.path("started").asText());
        }
        String commit = m.path("software").path("gitCommit").asText("unknown");
        Path copy = dir.resolve(SCENARIO_COPY);
        if (!Files.isRegularFile(copy)) {
            throw new UsageException("--resume " + dir + ": no " + SCENARIO_COPY + " (the run kept no copy of its scenario)");
        }
        Scenario scenario;
        try {
            String name = dir.toAbsolutePath().getParent().getFileName().toString();
            scenario = ScenarioReader.parse(copy.toString(), name, Files.readString(copy, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException(copy + ": cannot read: " + e.getMessage());
        }
        List<TimelineRow> rows;
        try {
            SampleStore.Folded f = SampleStore.fold(dir);
            if (f.tornBytes() > 0) {
                System.err.println("synwarm: " + dir.resolve(SamplesJournal.FILE) + ": dropped a torn last row ("
                        + f.tornBytes() + " bytes of a row the killed run never reported; it is measured again)");
            }
            rows = f.rows();
        } catch (IOException | RuntimeException e) {
            throw new UsageException(dir.resolve(SamplesCsv.FILE) + " or " + SamplesJournal.FILE + ": unreadable: "
                    + e.getMessage());
        }
        return new PartialRun(dir, scenario, List.copyOf(processes), started, commit, List.copyOf(rows));
    }

    /** Repetitions already measured, as {@code cellId/repetition}. */
    Set<String> done() {
        return rows.stream().map(r -> key(r.cellId(), r.repetition())).collect(Collectors.toSet());
    }

    static String key(String cellId, int repetition) {
        return cellId + "/" + repetition;
    }

    private static String text(JsonNode m, Path file, String field) {
        JsonNode n = m.get(field);
        if (n == null || !n.isTextual()) {
            throw new UsageException(file + ": " + field + ": missing");
        }
        return n.asText();
    }
}
