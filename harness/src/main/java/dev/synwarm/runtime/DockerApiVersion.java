package dev.synwarm.runtime;

import dev.synwarm.sys.SystemException;

/**
 * Picks the Docker Engine API version to speak: the daemon's newest, capped at the newest the client
 * library is known to work with. Debian's Docker 20.10 says 1.41; current engines say 1.5x and refuse
 * anything below 1.44 — both end up at a version they accept.
 */
public record DockerApiVersion(int major, int minor) implements Comparable<DockerApiVersion> {
    /** The newest version docker-java 3.7 (under Testcontainers 2.0) is tested against. */
    public static final DockerApiVersion CLIENT_MAX = new DockerApiVersion(1, 44);

    public static DockerApiVersion parse(String text) {
        String[] p = text.strip().split("\\.");
        try {
            return new DockerApiVersion(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        } catch (RuntimeException e) {
            throw new SystemException("Docker API version '" + text + "' is not MAJOR.MINOR");
        }
    }

    /** The version to use with a daemon that speaks {@code serverMin..serverMax}. */
    public static DockerApiVersion negotiate(DockerApiVersion serverMin, DockerApiVersion serverMax) {
        DockerApiVersion chosen = serverMax.compareTo(CLIENT_MAX) < 0 ? serverMax : CLIENT_MAX;
        if (chosen.compareTo(serverMin) < 0) {
            throw new SystemException("the Docker daemon needs API >= " + serverMin + " but the client supports up to "
                    + CLIENT_MAX);
        }
        return chosen;
    }

    @Override
    public int compareTo(DockerApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
