package dev.synwarm.runtime.image;

import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A short SHA-256 over a recipe's files (name and bytes) and inputs: the image tag. */
public final class ContentHash {
    /** Bump when the way images are built changes without any hashed input changing. */
    private static final String FORMAT = "synwarm-image-v1";

    private ContentHash() {}

    public static String of(List<Path> files, List<String> inputs) {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        for (Path f : files) {
            update(sha, f.getFileName().toString());
            try {
                sha.update(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UsageException("function source " + f + " is not readable: " + e.getMessage(), e);
            }
            sha.update((byte) 0);
        }
        for (String in : inputs) {
            update(sha, in);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
