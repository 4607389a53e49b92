package br.com.vetric.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * pt-BR whatever the browser asks; {@code ?lang=en} switches to English (remembered in a cookie). Whatever a
 * request says ({@code lang}, the cookie), the locale is one of the two VETRIC speaks, so nothing keyed by the
 * locale (the live board's render cache) grows with what clients invent.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    /** pt-BR, or English when English is asked for in any variant. */
    public static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : PT_BR;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver cookie = new CookieLocaleResolver("vetric-lang");
        cookie.setDefaultLocale(PT_BR);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(cookie.resolveLocale(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                cookie.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }
}
