package dev.synwarm.bench;

import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's generated performance section: everything between {@link #BEGIN} and {@link #END} is
 * replaced, nothing else is touched. Without markers, a "Performance" heading and the markers are
 * appended at the end.
 */
public final class ReadmeSection {
    public static final String BEGIN = "<!-- bench:begin -->";
    public static final String END = "<!-- bench:end -->";

    private ReadmeSection() {}

    /** {@code readme} with the section between the markers replaced by {@code body}. */
    public static String replace(String readme, String body, String fileName) {
        int b = readme.indexOf(BEGIN);
        int e = readme.indexOf(END);
        if (b < 0 && e < 0) {
            String sep = readme.isEmpty() || readme.endsWith("\n\n") ? "" : readme.endsWith("\n") ? "\n" : "\n\n";
            return readme + sep + "## Performance\n\n" + BEGIN + "\n" + body.strip() + "\n" + END + "\n";
        }
        if (b < 0 || e < 0 || e < b || readme.indexOf(BEGIN, b + 1) >= 0 || readme.indexOf(END, e + 1) >= 0) {
            throw new UsageException(fileName + ": needs exactly one " + BEGIN + " followed by one " + END);
        }
        return readme.substring(0, b + BEGIN.length()) + "\n" + body.strip() + "\n" + readme.substring(e);
    }

    /** Rewrites {@code readmeFile} (created when absent) from {@code summary}. */
    public static void update(Path readmeFile, BenchSummary summary) {
        try {
            String old = Files.exists(readmeFile) ? Files.readString(readmeFile) : "";
            AtomicFile.writeString(readmeFile, replace(old, SummaryMarkdown.render(summary), readmeFile.toString()));
        } catch (IOException e) {
            throw new SystemException("cannot rewrite " + readmeFile + ": " + e.getMessage(), e);
        }
    }
}
