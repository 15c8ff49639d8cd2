package dev.synwarm.host;

/**
 * One line of {@code synwarm doctor}: what was checked, what was found, and what to do when it is missing.
 *
 * @param requiredForRun whether {@code synwarm run} cannot work without it (doctor exits 1 if such a
 *     check fails); optional checks (netem, tcconfig) only change which backend is used
 */
public record Check(String name, Status status, String found, String fix, boolean requiredForRun) {
    public enum Status {
        ok,
        missing
    }

    public static Check ok(String name, String found, boolean required) {
        return new Check(name, Status.ok, found, "", required);
    }

    public static Check missing(String name, String found, String fix, boolean required) {
        return new Check(name, Status.missing, found, fix, required);
    }

    public boolean blocksRun() {
        return requiredForRun && status == Status.missing;
    }
}
