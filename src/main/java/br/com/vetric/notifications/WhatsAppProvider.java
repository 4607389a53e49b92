package br.com.vetric.notifications;

/** The gateway a condominium's messages go through. */
public enum WhatsAppProvider {
    /** Writes the message to the application log only (demo default). */
    LOG,
    /** Evolution API v2 ({@code POST {url}/message/sendText/{instance}}). */
    EVOLUTION,
    /** Meta WhatsApp Cloud API (approved template messages). */
    META
}
