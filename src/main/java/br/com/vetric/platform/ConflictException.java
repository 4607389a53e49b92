package br.com.vetric.platform;

/** The request clashes with what is stored (answered 409, naming what clashes). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
