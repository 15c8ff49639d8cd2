package dev.synwarm.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The local Docker daemon: whether it answers, which API it speaks, and starting it when it does not run
 * (this machine does not start dockerd at boot). Talks plain HTTP over the Unix socket, so it works
 * before any Docker client is built.
 */
public final class DockerDaemon {
    /** What the running daemon reported about itself. */
    public record Info(Path socket, String engineVersion, DockerApiVersion api) {}

    static final Path LOG = Path.of("/var/log/synwarm-dockerd.log");
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_NS = Duration.ofMillis(20).toNanos();

    private DockerDaemon() {}

    /** The daemon socket: {@code DOCKER_HOST} when it is a unix:// URL, else /var/run/docker.sock. */
    public static Path socket() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && host.startsWith("unix://")) {
            return Path.of(host.substring("unix://".length()));
        }
        return Path.of("/var/run/docker.sock");
    }

    /** The running daemon, or empty when none answers. */
    public static Optional<Info> ifRunning() {
        Path socket = socket();
        if (!Files.exists(socket) || !pings(socket)) {
            return Optional.empty();
        }
        return Optional.of(info(socket));
    }

    /**
     * Returns the running daemon, starting {@code dockerd} from PATH in the background first when none
     * answers (log: /var/log/synwarm-dockerd.log); polls the socket until it answers.
     */
    public static synchronized Info ensureRunning() {
        Optional<Info> running = ifRunning();
        if (running.isPresent()) {
            return running.get();
        }
        if (!Proc.onPath("dockerd")) {
            throw new SystemException("the Docker daemon is not running and dockerd is not on PATH (apt-get install docker.io)");
        }
        // setsid: dockerd gets its own session, so a Ctrl-C aimed at synwarm does not stop the daemon.
        List<String> cmd = Proc.onPath("setsid") ? List.of("setsid", "dockerd") : List.of("dockerd");
        return start(cmd, socket(), LOG, START_TIMEOUT);
    }

    /** Spawns {@code command} in the background (output appended to {@code log}) and polls {@code socket}. */
    static Info start(List<String> command, Path socket, Path log, Duration timeout) {
        Process daemon = spawn(command, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(socket) && pings(socket)) {
                return info(socket);
            }
            // A daemon that exited may have lost a race with another starter: keep polling until the deadline.
            LockSupport.parkNanos(POLL_NS);
        }
        String exit = daemon.isAlive() ? "still starting" : "exited with " + daemon.exitValue();
        throw new SystemException(command.getLast() + " did not answer on " + socket + " within " + timeout.toMillis()
                + " ms (" + exit + "); see " + log + ": " + lastLine(log));
    }

    private static Process spawn(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new SystemException("cannot start " + command.getLast() + ": " + e.getMessage(), e);
        }
    }

    private static boolean pings(Path socket) {
        return UnixHttp.get(socket, "/_ping", PING_TIMEOUT).map(r -> r.status() == 200).orElse(false);
    }

    static Info info(Path socket) {
        UnixHttp.Response r = UnixHttp.get(socket, "/version", PING_TIMEOUT)
                .filter(x -> x.status() == 200)
                .orElseThrow(() -> new SystemException("the Docker daemon on " + socket + " does not answer GET /version"));
        try {
            JsonNode v = new ObjectMapper().readTree(r.body());
            DockerApiVersion api = DockerApiVersion.negotiate(
                    DockerApiVersion.parse(v.path("MinAPIVersion").asText("1.12")),
                    DockerApiVersion.parse(v.path("ApiVersion").asText()));
            return new Info(socket, v.path("Version").asText("?"), api);
        } catch (IOException e) {
            throw new SystemException("the Docker daemon's /version is not JSON: " + e.getMessage(), e);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(empty)" : lines.getLast();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
