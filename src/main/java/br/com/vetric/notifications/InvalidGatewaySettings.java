package br.com.vetric.notifications;

import br.com.vetric.platform.InvalidInputException;

/** Gateway settings refused for a reason the pages explain in pt-BR (the API answers 400 naming the field). */
public class InvalidGatewaySettings extends InvalidInputException {

    public enum Problem {
        /** Not an http(s) URL with a host. */
        INVALID_URL,
        /** The host is, or resolves to, a link-local, cloud-metadata, multicast or unspecified address. */
        ADDRESS_NOT_ALLOWED,
        /** The URL changed but the key or token was not entered again: a stored secret never goes to a new host. */
        SECRET_REQUIRED_FOR_NEW_URL,
        /** Evolution API chosen without its URL, instance and key. */
        EVOLUTION_INCOMPLETE,
        /** Meta chosen without its phone number id and access token. */
        META_INCOMPLETE
    }

    private final Problem problem;

    public InvalidGatewaySettings(String field, Problem problem, String message) {
        super(field, message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
