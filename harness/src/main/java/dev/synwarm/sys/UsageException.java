package dev.synwarm.sys;

/**
 * Bad input from the user (a flag, a scenario file, a missing image): the CLI prints the message as one
 * line and exits 2, after nothing was written. The message names the file/field/value.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
