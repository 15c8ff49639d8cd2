package dev.synwarm.stats;

/** A confidence interval [low, high] at the level the summary states. */
public record Interval(double low, double high) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    public Interval scaled(double factor) {
        return factor >= 0 ? new Interval(low * factor, high * factor) : new Interval(high * factor, low * factor);
    }
}
