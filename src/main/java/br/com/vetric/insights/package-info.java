/**
 * Insights for managers, read from the session record through other modules' facades: the month-end forecast of
 * each apartment and of the condominium with an 80 % interval, its built-in backtest, charger utilisation (hour ×
 * weekday), how many chargers would have kept the wait short, reliability per charger and the ranking between
 * apartments. Alerts on unusual patterns go to the managers through notifications, once per incident (its tables:
 * {@code insight_alert}, {@code insight_alert_settings}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "chargers",
            "sessions",
            "reports",
            "condominium",
            "notifications"
        })
@org.jspecify.annotations.NullMarked
package br.com.vetric.insights;
