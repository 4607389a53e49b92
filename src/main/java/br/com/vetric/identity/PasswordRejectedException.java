package br.com.vetric.identity;

import br.com.vetric.platform.InvalidInputException;

/** A new password breaks a rule (too short, or longer than BCrypt's 72 bytes); names the field (answered 400). */
public class PasswordRejectedException extends InvalidInputException {

    private final boolean tooLong;

    PasswordRejectedException(String field, String message, boolean tooLong) {
        super(field, message);
        this.tooLong = tooLong;
    }

    /** True when the password is over {@link Users#MAX_PASSWORD_BYTES} bytes, false when it is too short. */
    public boolean tooLong() {
        return tooLong;
    }
}
