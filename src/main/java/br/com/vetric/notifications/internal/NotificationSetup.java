package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.platform.Tenancy;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At startup: every kind's default text must be valid (fails loudly otherwise), the provider named in the
 * environment must exist, gateway secrets stored in clear by an older version are encrypted, and each condominium
 * gets the templates and settings it lacks (never overwriting).
 */
@Component
class NotificationSetup implements SmartInitializingSingleton {

    private final Condominiums condominiums;
    private final TemplateService templates;
    private final SettingsService settings;
    private final NotificationProperties props;

    NotificationSetup(
            Condominiums condominiums,
            TemplateService templates,
            SettingsService settings,
            NotificationProperties props) {
        this.condominiums = condominiums;
        this.templates = templates;
        this.settings = settings;
        this.props = props;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (NotificationKind kind : NotificationKind.values()) {
            List<String> unknown = Placeholders.unknown(kind.defaultText());
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(
                        "default template of " + kind + " uses unknown placeholders " + unknown);
            }
        }
        props.initialProvider();
        Tenancy.acrossAll("start-up: stored secrets of every condominium are encrypted", () -> {
            settings.encryptClearTextSecrets();
        });
        for (Condominium c : condominiums.all()) {
            Tenancy.within(c.id(), () -> {
                templates.ensure(c.id());
                settings.current(c.id());
            });
        }
    }
}
