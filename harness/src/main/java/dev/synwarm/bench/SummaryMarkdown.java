package dev.synwarm.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders a {@link BenchSummary} as Markdown: {@code summary.md} and the README's performance section. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {}

    public static String render(BenchSummary s) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured on %s; commit `%s`, %s, `./synwarm bench%s` (JMH: %s).%n%n",
                s.machine().oneLine(), shortCommit(s.gitCommit()), s.createdUtc(), s.quick() ? " --quick" : "", s.jmhSettings()));
        jmhTable(md, s.jmh());
        endToEndTable(md, s.endToEnd());
        if (!s.notMeasured().isEmpty()) {
            md.append("Not measured in this run:\n\n");
            for (BenchSummary.NotMeasured n : s.notMeasured()) {
                md.append("- ").append(n.figure()).append(": ").append(n.reason()).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Seven hex digits, keeping a "-dirty" mark. */
    static String shortCommit(String commit) {
        int dash = commit.indexOf('-');
        String sha = dash < 0 ? commit : commit.substring(0, dash);
        return (sha.length() > 7 ? sha.substring(0, 7) : sha) + (dash < 0 ? "" : commit.substring(dash));
    }

    private static void jmhTable(StringBuilder md, List<JmhResult> results) {
        if (results.isEmpty()) {
            return;
        }
        md.append("JMH (average time per operation, ± JMH's 99.9 % interval; ×baseline = score ÷ the group's "
                + "`…Baseline` of the same run; what each measures: the header comment of its class in "
                + "`harness-bench/src/main/java`):\n\n");
        md.append("| group | benchmark | time/op | ± | ops/s | ×baseline |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        Map<String, Optional<JmhResult>> baselines = new LinkedHashMap<>();
        for (JmhResult r : results) {
            baselines.computeIfAbsent(r.group(), g -> results.stream().filter(x -> x.group().equals(g) && x.baseline()).findFirst());
        }
        for (JmhResult r : results) {
            Optional<JmhResult> base = baselines.get(r.group());
            String ratio = r.baseline() ? "baseline"
                    : base.map(b -> String.format(Locale.ROOT, "%.2f", r.nsPerOp() / b.nsPerOp())).orElse("—");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.group(), r.method(),
                    time(r.nsPerOp()), r.errorNs() == null ? "—" : time(r.errorNs()), rate(1e9 / r.nsPerOp()), ratio));
        }
        md.append('\n');
    }

    private static void endToEndTable(StringBuilder md, List<EndToEndFigure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        md.append("End to end (p50 / p99 over the samples; the reference was measured in the same run):\n\n");
        md.append("| figure | samples | p50 | p99 | reference | ref. p50 | ref. p99 |\n");
        md.append("|---|---:|---:|---:|---|---:|---:|\n");
        for (EndToEndFigure f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", f.figure(), f.samples(),
                    time(f.p50Ns()), time(f.p99Ns()), f.baseline() == null ? "—" : f.baseline(),
                    f.baselineP50Ns() == null ? "—" : time(f.baselineP50Ns()),
                    f.baselineP99Ns() == null ? "—" : time(f.baselineP99Ns())));
        }
        md.append('\n');
    }

    /** 3 significant digits in the unit that suits: ns, µs, ms or s (signed). */
    static String time(double ns) {
        double a = Math.abs(ns);
        if (a < 1e3) {
            return sig(ns) + " ns";
        }
        if (a < 1e6) {
            return sig(ns / 1e3) + " µs";
        }
        if (a < 1e9) {
            return sig(ns / 1e6) + " ms";
        }
        return sig(ns / 1e9) + " s";
    }

    private static String sig(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", perSecond / 1e9);
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.2f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
