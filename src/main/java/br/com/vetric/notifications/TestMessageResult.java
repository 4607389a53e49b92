package br.com.vetric.notifications;

/** The answer of the gateway to a test message. */
public record TestMessageResult(boolean accepted, String detail) {
}
