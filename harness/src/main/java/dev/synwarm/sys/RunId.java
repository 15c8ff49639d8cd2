package dev.synwarm.sys;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short id every resource of one synwarm process carries in its name ({@code sw-<id>-…}) or label,
 * so that a reaper can tell whose it is. Four base-36 characters keep veth names within IFNAMSIZ.
 */
public record RunId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9]{4}");
    /** Names synwarm gives to kernel objects: {@code sw-<id>} or {@code sw-<id>-<role>}. */
    private static final Pattern NAME = Pattern.compile("^sw-([a-z0-9]{4})(?:-.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("run id must be 4 characters [a-z0-9]: " + value);
        }
    }

    public static RunId random() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return new RunId(sb.toString());
    }

    /** The run id inside a synwarm resource name, if the name is one of ours. */
    public static Optional<RunId> ofName(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Optional.of(new RunId(m.group(1))) : Optional.empty();
    }

    /** {@code sw-<id>-<role>}; callers keep roles short (interface names are at most 15 bytes). */
    public String name(String role) {
        return role.isEmpty() ? "sw-" + value : "sw-" + value + "-" + role;
    }

    @Override
    public String toString() {
        return value;
    }
}
