package br.com.vetric.notifications;

/** A partial template update: null fields stay as they are. */
public record TemplateUpdate(Boolean enabled, String body, Integer delaySeconds) {}
