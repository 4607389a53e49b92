package br.com.vetric.integrations;

import java.util.List;

/** The event types an endpoint may subscribe to (Standard Webhooks {@code type}), and the test event. */
public final class WebhookEvents {

    public static final String SESSION_STARTED = "charging_session.started";
    public static final String SESSION_STATE_CHANGED = "charging_session.state_changed";
    public static final String SESSION_FINISHED = "charging_session.finished";
    public static final String SESSION_IDENTIFIED = "charging_session.identified";
    public static final String CHARGER_STATUS_CHANGED = "charger.status_changed";
    public static final String CHARGER_FAULTED = "charger.faulted";
    public static final String CHARGER_RECOVERED = "charger.recovered";
    public static final String CHARGER_OFFLINE = "charger.offline";
    public static final String CHARGER_ONLINE = "charger.online";
    public static final String STATEMENT_GENERATED = "statement.generated";
    public static final String RESIDENT_CREATED = "resident.created";
    public static final String RESIDENT_UPDATED = "resident.updated";

    /** Sent by "send test event" only, to the one endpoint. */
    public static final String TEST = "webhook.test";

    public static final List<String> ALL = List.of(
            SESSION_STARTED,
            SESSION_STATE_CHANGED,
            SESSION_FINISHED,
            SESSION_IDENTIFIED,
            CHARGER_STATUS_CHANGED,
            CHARGER_FAULTED,
            CHARGER_RECOVERED,
            CHARGER_OFFLINE,
            CHARGER_ONLINE,
            STATEMENT_GENERATED,
            RESIDENT_CREATED,
            RESIDENT_UPDATED);

    private WebhookEvents() {}
}
