package br.com.vetric.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What Spring MVC itself refuses, answered to a browser as VETRIC's pt-BR pages instead of problem+json: an unknown
 * address is the 404 page; a query parameter that is missing or of the wrong type (a date that is not a date, a status
 * that does not exist) is the 400 page naming the field as the page labels it ({@code field.<parameter>} in the
 * bundle: "O campo “De” precisa ser uma data."). A path variable of the wrong type is a 404 (no such thing).
 * {@code /api/**}, and a client that does not accept HTML, keep RFC 9457 problem+json
 * ({@code ApiExceptionHandler} and Spring's problem details). Runs before Spring's own resolvers.
 */
@Component
class BrowserErrorPages implements HandlerExceptionResolver, Ordered {

    private final MessageSource messages;

    BrowserErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return -1; // after DefaultErrorAttributes (which only records the error), before Spring MVC's resolvers (0)
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!browser(request)) {
            return null;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        return switch (ex) {
            case NoResourceFoundException e -> page(response, HttpStatus.NOT_FOUND, "error/404", null);
            case MethodArgumentTypeMismatchException e
            when e.getParameter().hasParameterAnnotation(PathVariable.class) ->
                page(response, HttpStatus.NOT_FOUND, "error/404", null);
            case TypeMismatchException e ->
                page(response, HttpStatus.BAD_REQUEST, "error/400", field(e.getPropertyName(), reason(e), locale));
            case MissingServletRequestParameterException e ->
                page(
                        response,
                        HttpStatus.BAD_REQUEST,
                        "error/400",
                        field(e.getParameterName(), "error.field.required", locale));
            case ServletRequestBindingException e -> page(response, HttpStatus.BAD_REQUEST, "error/400", null);
            case HandlerMethodValidationException e ->
                page(response, HttpStatus.BAD_REQUEST, "error/400", validation(e, locale));
            case HttpRequestMethodNotSupportedException e ->
                page(response, HttpStatus.METHOD_NOT_ALLOWED, "error/400", null);
            default -> null;
        };
    }

    /** Not the JSON API, and a client that takes HTML (a browser, a form, htmx). */
    static boolean browser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.includes(MediaType.TEXT_HTML));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static ModelAndView page(
            HttpServletResponse response, HttpStatus status, String view, @Nullable String detail) {
        ModelAndView mav = new ModelAndView(view, status);
        if (detail != null) {
            mav.addObject("errorDetail", detail);
        }
        response.setStatus(status.value());
        return mav;
    }

    private static String reason(TypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type == null) {
            return "error.field.invalid";
        }
        if (type.isEnum()) {
            return "error.field.choice";
        }
        if (java.time.YearMonth.class.equals(type)) {
            return "error.field.month";
        }
        if (Temporal.class.isAssignableFrom(type) || TemporalAccessor.class.isAssignableFrom(type)) {
            return "error.field.date";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "error.field.number";
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return "error.field.yesNo";
        }
        return "error.field.invalid";
    }

    private @Nullable String validation(HandlerMethodValidationException e, Locale locale) {
        return e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(name -> field(name, "error.field.invalid", locale))
                .orElse(null);
    }

    /**
     * "O campo “De” precisa ser uma data." with the field named as the page labels it; a parameter no page labels
     * (a hand-made address) is not named: its internal name means nothing to people.
     */
    @Nullable
    String field(@Nullable String parameter, String reasonKey, Locale locale) {
        String label = parameter == null ? null : messages.getMessage("field." + parameter, null, null, locale);
        return label == null
                ? null
                : messages.getMessage(
                        "error.field", new Object[] {label, messages.getMessage(reasonKey, null, locale)}, locale);
    }
}
