package br.com.vetric.platform;

/** The request clashes with what is stored (answered 409, naming what clashes, and the field when there is one). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    /** A value of {@code field} that must be unique is taken (the problem's {@code errors} names the field). */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value clashes, or null. */
    public String field() {
        return field;
    }
}
