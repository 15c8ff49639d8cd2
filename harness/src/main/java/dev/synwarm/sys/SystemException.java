package dev.synwarm.sys;

/**
 * The machine did not do what was asked (a command failed, a syscall returned an error, the Docker
 * daemon is unreachable). The CLI prints it as one line and exits 1.
 */
public class SystemException extends RuntimeException {
    public SystemException(String message) {
        super(message);
    }

    public SystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
