package br.com.vetric.platform;

/**
 * VETRIC will not start, for a reason a person can act on: {@link #getMessage()} says what is wrong in one
 * sentence, {@link #action()} what to do. Reported at start as Spring Boot's "APPLICATION FAILED TO START"
 * (Description / Action), without a stack trace.
 */
public class StartRefusedException extends RuntimeException {

    private final String action;

    public StartRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartRefusedException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
