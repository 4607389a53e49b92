package br.com.vetric.notifications;

import java.util.List;

/**
 * Every message VETRIC can send. Each kind has a pt-BR default text seeded (only where missing) per
 * condominium; the delay of a {@linkplain #timed() timed} kind is editable per condominium.
 */
public enum NotificationKind {
    CHARGING_STARTED(
            Audience.RESIDENT,
            true,
            180,
            "Olá, {{nome}}! O carregamento do seu veículo no carregador {{carregador}} começou em {{data}}. "
                    + "Avisaremos quando terminar. {{localizacao}}"),
    IDLE_STARTED(
            Audience.RESIDENT,
            true,
            0,
            "Olá, {{nome}}! Seu veículo parou de consumir energia no carregador {{carregador}} em {{data}}. "
                    + "Até agora: {{energia}} em {{duracao}}."),
    BATTERY_FULL(
            Audience.RESIDENT,
            true,
            180,
            "Olá, {{nome}}! A bateria do seu veículo está carregada no carregador {{carregador}}: {{energia}} em "
                    + "{{duracao}}. "
                    + "Por favor, libere a vaga para o próximo morador."),
    CHARGING_INTERRUPTED(
            Audience.RESIDENT,
            false,
            0,
            "Olá, {{nome}}! O carregamento no carregador {{carregador}} foi interrompido em {{data}} "
                    + "({{energia}} em {{duracao}}). Verifique o seu veículo."),

    CHARGER_FAULTED(
            Audience.MANAGER, true, 0, "{{localizacao}}: o carregador {{carregador}} apresentou {{erro}} em {{data}}."),
    CHARGER_FAULT_CLEARED(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: a falha do carregador {{carregador}} foi resolvida em {{data}}."),
    CHARGER_OFFLINE(
            Audience.MANAGER,
            true,
            900,
            "{{localizacao}}: o carregador {{carregador}} está sem comunicação desde {{data}}."),
    CHARGER_BACK_ONLINE(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: o carregador {{carregador}} voltou a se comunicar em {{data}}."),
    SESSION_STUCK(
            Audience.MANAGER,
            true,
            0,
            "{{localizacao}}: o carregamento no carregador {{carregador}} ({{apartamento}}) está aberto há {{duracao}}. "
                    + "Verifique o carregador."),
    SESSION_STUCK_CLEARED(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: o carregamento travado no carregador {{carregador}} foi encerrado em {{data}}."),
    UNIDENTIFIED_TAG(
            Audience.MANAGER,
            true,
            300,
            "{{localizacao}}: a tag RFID {{tag}} usada no carregador {{carregador}} em {{data}} não pertence a nenhum "
                    + "morador. "
                    + "Cadastre-a no VETRIC."),
    UNIDENTIFIED_TAG_RESOLVED(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: a tag RFID {{tag}} agora pertence a {{nome}} ({{apartamento}})."),
    TAG_IN_TWO_CHARGERS(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: o mesmo cartão (tag RFID {{tag}}) está carregando em dois carregadores ao mesmo tempo "
                    + "({{carregador}}), em {{data}}. Pode ser um cartão compartilhado ou clonado."),
    /** Once per resident and month, after the month's statement is first generated with the month over. */
    MONTHLY_SUMMARY(
            Audience.RESIDENT,
            false,
            0,
            "Olá, {{nome}}! {{localizacao}}, resumo de {{mes}}: você consumiu {{energia}} nos carregadores, no "
                    + "valor de {{valor}} ({{apartamento}}). O extrato completo está com a administração."),
    /**
     * A resident's code to sign in to the residents' app, asked by the resident (never delayed). The code is only in
     * the outbox while it is being delivered: the delivery log keeps the text with the code hidden.
     */
    SIGN_IN_CODE(
            Audience.RESIDENT,
            false,
            0,
            "VETRIC: seu código de acesso ao app do {{localizacao}} é {{codigo}}. Ele vale por 5 minutos. "
                    + "Não o compartilhe com ninguém."),
    /** Insights: an apartment's month to date far above its usual (once per apartment and month). */
    ALERT_CONSUMPTION_ABOVE_USUAL(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: consumo fora do usual. {{motivo}} Vale conferir com o morador do apartamento "
                    + "{{apartamento}}."),
    /** Insights: a charger's sessions cut short more than the condominium's rate gives it (once per charger and month). */
    ALERT_ABNORMAL_ENDS(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: carregador {{carregador}} com interrupções fora do usual. {{motivo}} Vale pedir uma "
                    + "vistoria."),
    /** Insights: a session that delivered far less energy than its charging time implies (once per session). */
    ALERT_LOW_ENERGY_SESSION(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: carregamento com pouca energia no carregador {{carregador}}. {{motivo}}"),
    /** Insights: an unknown tag used repeatedly (once per tag and month). */
    ALERT_UNKNOWN_TAG_REPEATED(
            Audience.MANAGER, false, 0, "{{localizacao}}: tag desconhecida usada repetidamente. {{motivo}}"),
    /** Integrations: a webhook endpoint disabled (it answered 410, or 3 days without a delivery); once per disabling. */
    WEBHOOK_DISABLED(
            Audience.MANAGER,
            false,
            0,
            "{{localizacao}}: um webhook foi desativado. {{motivo}} Confira o endereço em Integrações e reative-o.");

    /** Who receives a kind. */
    public enum Audience {
        RESIDENT,
        MANAGER
    }

    /** The placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of(
            "nome",
            "apartamento",
            "carregador",
            "energia",
            "duracao",
            "data",
            "localizacao",
            "tag",
            "erro",
            "mes",
            "valor",
            "codigo",
            "motivo");

    /** What the delivery log keeps of a sign-in code once its message is no longer waiting to go out. */
    public static final String HIDDEN_CODE = "••••••";

    private final Audience audience;
    private final boolean timed;
    private final int defaultDelaySeconds;
    private final String defaultText;

    NotificationKind(Audience audience, boolean timed, int defaultDelaySeconds, String defaultText) {
        this.audience = audience;
        this.timed = timed;
        this.defaultDelaySeconds = defaultDelaySeconds;
        this.defaultText = defaultText;
    }

    public Audience audience() {
        return audience;
    }

    /** Whether the kind waits a configurable delay (recoveries and interruptions go out at once). */
    public boolean timed() {
        return timed;
    }

    public int defaultDelaySeconds() {
        return defaultDelaySeconds;
    }

    public String defaultText() {
        return defaultText;
    }

    /** BATTERY_FULL and CHARGING_INTERRUPTED share one slot per session: at most one of them is ever sent. */
    public String outcomeGroup() {
        return this == BATTERY_FULL || this == CHARGING_INTERRUPTED ? "SESSION_OUTCOME" : null;
    }
}
