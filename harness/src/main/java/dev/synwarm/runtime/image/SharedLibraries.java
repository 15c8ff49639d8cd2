package dev.synwarm.runtime.image;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies into a scratch rootfs the host libraries (glibc and friends) that the ELF files under a
 * directory link, at the same paths, so the dynamic loader finds them without an ld.so.cache.
 */
final class SharedLibraries {
    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)} or {@code /lib64/ld-linux-x86-64.so.2 (0x…)}. */
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");

    private SharedLibraries() {}

    static void copyDependencies(Path rootfs, Path elfDir) {
        Set<Path> hostLibs = new TreeSet<>();
        List<Path> elfs = elfFiles(elfDir);
        // Libraries of the runtime itself (libjvm.so) are found by the launcher, not by ldd: not missing.
        Set<String> own = new TreeSet<>(elfs.stream().map(p -> p.getFileName().toString()).toList());
        for (Path elf : elfs) {
            String out = Proc.run("ldd", elf.toString()).orThrow().stdout();
            for (String line : out.split("\n")) {
                if (line.contains("not found") && !own.contains(line.strip().split("\\s+")[0])) {
                    throw new SystemException("ldd " + elf + ": " + line.strip());
                }
                parse(line).filter(p -> !p.startsWith(rootfs)).ifPresent(hostLibs::add);
            }
        }
        if (hostLibs.stream().noneMatch(p -> p.getFileName().toString().startsWith("libc.so"))) {
            throw new SystemException("ldd found no libc for the runtime under " + elfDir);
        }
        for (Path lib : hostLibs) {
            BuildFiles.copy(lib, rootfs.resolve(lib.toString().substring(1)));
        }
    }

    static Optional<Path> parse(String lddLine) {
        Matcher m = LDD_LINE.matcher(lddLine);
        return m.matches() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
    }

    private static List<Path> elfFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(SharedLibraries::isElf).toList();
        } catch (IOException e) {
            throw new SystemException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isElf(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
