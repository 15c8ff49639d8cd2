package dev.synwarm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's score from JMH's JSON result file, normalised to nanoseconds per operation (the suite
 * runs in average-time mode). {@code errorNs} is JMH's 99.9 % half-interval, null when JMH could not
 * compute one (a single iteration).
 */
public record JmhResult(String benchmark, double nsPerOp, Double errorNs, int samples) {

    /** The simple class name: the benchmark's group. */
    public String group() {
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The method name. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Baselines are named {@code …Baseline}; each group has one, measured in the same run. */
    public boolean baseline() {
        return method().endsWith("Baseline");
    }

    /** Reads the JSON JMH writes with {@code -rf json}. */
    public static List<JmhResult> read(Path json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new SystemException("cannot read JMH results " + json + ": " + e.getMessage(), e);
        }
        List<JmhResult> out = new ArrayList<>();
        for (JsonNode b : root) {
            String name = b.path("benchmark").asText();
            JsonNode m = b.path("primaryMetric");
            if (!"avgt".equals(b.path("mode").asText())) {
                throw new SystemException(json + ": " + name + " is in mode " + b.path("mode").asText()
                        + ", the suite reports average time only");
            }
            double scale = nsPer(m.path("scoreUnit").asText(), json, name);
            double error = number(m.path("scoreError"));
            int samples = 0;
            for (JsonNode fork : m.path("rawData")) {
                samples += fork.size();
            }
            out.add(new JmhResult(name, number(m.path("score")) * scale,
                    Double.isNaN(error) ? null : error * scale, samples));
        }
        return out;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN; // JMH writes "NaN" as a string
    }

    private static double nsPer(String unit, Path json, String name) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new SystemException(json + ": " + name + " has unit " + unit + ", expected time per op");
        };
    }
}
