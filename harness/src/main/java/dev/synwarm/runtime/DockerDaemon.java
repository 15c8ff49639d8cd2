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

    /**
     * Whether the daemon answers now, and which process it is (the pid in {@value #PID_FILE_NAME}, 0 when
     * unknown): a different pid means it restarted, and every container it ran was stopped.
     */
    public record State(boolean answering, long pid) {
        /** Why {@code later} tells that the daemon went away since this state, or empty when it did not. */
        public Optional<String> lostSince(State later, Path socket) {
            if (!later.answering) {
                return Optional.of("the Docker daemon on " + socket + " is not answering");
            }
            if (!answering || (pid != 0 && later.pid != 0 && pid != later.pid)) {
                return Optional.of("the Docker daemon on " + socket + " restarted (pid " + pid + " -> " + later.pid + ")");
            }
            return Optional.empty();
        }
    }

    static final String PID_FILE_NAME = "/var/run/docker.pid";

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

    /** Answering or not, and its pid: one ping. */
    public static State state() {
        Path socket = socket();
        boolean up = Files.exists(socket) && pings(socket);
        long pid = 0;
        try {
            pid = Long.parseLong(Files.readString(Path.of(PID_FILE_NAME)).strip());
        } catch (IOException | NumberFormatException e) {
            // no pid file (another DOCKER_HOST, or the daemon is between processes): compare answering only
        }
        return new State(up, pid);
    }

    /**
     * Waits until the daemon answers (it may be restarting), polling its socket; a SystemException naming
     * the socket when it does not answer within {@code timeout}. Does not start one: whoever stopped the
     * daemon is expected to start it.
     */
    public static State awaitAnswer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            State s = state();
            if (s.answering()) {
                return s;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new SystemException("the Docker daemon on " + socket() + " did not answer within "
                        + timeout.toSeconds() + " s (stopped or restarting; start it with ./synwarm setup)");
            }
            LockSupport.parkNanos(POLL_NS); // the socket reappears when the new daemon listens
        }
    }

    /** True when {@code failure} is the daemon's socket refusing or dropping the connection, not an API error. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.github.dockerjava.api.exception.DockerException) {
                return false; // the daemon answered, with an error status
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The failure of a Docker call made while the daemon was unreachable, naming the socket. */
    public static SystemException unreachable(String what, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new SystemException(what + ": the Docker daemon on " + socket() + " is not answering (stopped or restarting): "
                + root.getMessage(), failure);
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
