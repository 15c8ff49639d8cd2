package dev.synwarm.regress;

import java.util.List;

/** The outcome of the regression checks: one line per failing check, notes for what could not be checked. */
public record Verdict(List<String> failures, List<String> notes, int checks) {
    public Verdict {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
