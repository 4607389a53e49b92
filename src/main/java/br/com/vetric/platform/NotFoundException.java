package br.com.vetric.platform;

/** The thing asked for does not exist in the caller's condominium (answered 404, never 403: no leak). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
