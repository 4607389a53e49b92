package br.com.vetric.support;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A module's settings record as the application would bind it: the given properties, and the record's own defaults
 * ({@code @DefaultValue}) for the rest. For unit tests that build a class by hand.
 */
public final class Settings {

    private Settings() {}

    public static <T> T of(Class<T> type, String prefix, Map<String, String> properties) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        properties.forEach((k, v) -> prefixed.put(prefix + "." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(prefix, Bindable.of(type));
    }
}
