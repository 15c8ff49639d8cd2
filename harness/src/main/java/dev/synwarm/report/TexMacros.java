package dev.synwarm.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A set of {@code \newcommand} definitions, each name checked (letters only) and each text value escaped. */
final class TexMacros {
    private static final Pattern NAME = Pattern.compile("[A-Za-z]+");
    private final Map<String, String> defs = new LinkedHashMap<>();

    /** A value printed as text (escaped). */
    TexMacros text(String name, String value) {
        return raw(name, escape(value));
    }

    /** A value that is already LaTeX (a figure inclusion). */
    TexMacros raw(String name, String latex) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("macro name " + name);
        }
        if (defs.putIfAbsent(name, latex) != null) {
            throw new IllegalArgumentException("macro " + name + " defined twice");
        }
        return this;
    }

    String render(String header) {
        StringBuilder b = new StringBuilder();
        header.lines().forEach(l -> b.append("% ").append(l).append('\n'));
        defs.forEach((k, v) -> b.append("\\newcommand{\\").append(k).append("}{").append(v).append("}\n"));
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '%', '$', '#', '&', '_', '{', '}' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '±' -> b.append("$\\pm$");
                case '×' -> b.append("$\\times$");
                case '—' -> b.append("---");
                case '–' -> b.append("--");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
