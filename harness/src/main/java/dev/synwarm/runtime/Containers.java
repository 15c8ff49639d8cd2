package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The few questions and orders about one container that the runtime needs besides create/start. */
final class Containers {
    private final DockerClient docker;

    Containers(DockerClient docker) {
        this.docker = docker;
    }

    /** Kills and removes; a container that is already gone (for example reaped) is fine. */
    void remove(String idOrName) {
        try {
            docker.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    boolean isRunning(String id) {
        try {
            Boolean running = docker.inspectContainerCmd(id).exec().getState().getRunning();
            return running != null && running;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The last lines the container printed, joined with " | ", for error messages; empty if unavailable. */
    String logTail(String id, int lines) {
        StringBuilder sb = new StringBuilder();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            sb.append(new String(f.getPayload(), StandardCharsets.UTF_8).strip()).append(" | ");
                        }
                    })
                    .awaitCompletion(5, TimeUnit.SECONDS);
            return sb.toString();
        } catch (RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
