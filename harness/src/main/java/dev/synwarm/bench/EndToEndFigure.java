package dev.synwarm.bench;

/**
 * One end-to-end figure (not JMH): a distribution's p50/p99 in nanoseconds over {@code samples}, and
 * optionally the reference it should be read against, measured in the same run (null when there is none).
 * Signed: an error against a configured value can be negative.
 */
public record EndToEndFigure(String figure, String what, int samples, long p50Ns, long p99Ns,
                             String baseline, Long baselineP50Ns, Long baselineP99Ns) {

    public static EndToEndFigure of(String figure, String what, int samples, long p50Ns, long p99Ns) {
        return new EndToEndFigure(figure, what, samples, p50Ns, p99Ns, null, null, null);
    }

    public EndToEndFigure against(String baseline, long baselineP50Ns, long baselineP99Ns) {
        return new EndToEndFigure(figure, what, samples, p50Ns, p99Ns, baseline, baselineP50Ns, baselineP99Ns);
    }
}
