package br.com.vetric.reports;

/**
 * An uploaded file refused. {@code reason} is stable (API clients and the page's messages use it); the message is
 * the English explanation.
 */
public class UploadRejectedException extends RuntimeException {

    public enum Reason {
        TOO_LARGE,
        EMPTY,
        EXECUTABLE,
        MACROS,
        ZIP_BOMB,
        ENCRYPTED,
        UNSUPPORTED_TYPE,
        MISSING_FIELD
    }

    private final Reason reason;
    private final String field;

    public UploadRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
