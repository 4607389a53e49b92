package br.com.vetric.notifications;

/**
 * The answer of the gateway to a test message: accepted, or why not (the classified reason and the HTTP status,
 * null without an HTTP answer). Never the gateway's response body. {@code sentToWhatsApp} is false in "log only"
 * mode: the message was written to VETRIC's log and nothing went to anyone's phone.
 */
public record TestMessageResult(boolean accepted, DeliveryFailure reason, Integer statusCode, boolean sentToWhatsApp) {}
