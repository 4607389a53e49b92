package br.com.vetric.platform.web;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Friendly error pages for every module's pages. The JSON API answers problem+json instead: {@code ApiExceptionHandler}
 * comes first for REST controllers. What Spring MVC refuses before a page controller runs (an unknown address, a
 * parameter of the wrong type) is answered by {@link BrowserErrorPages}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private final BrowserErrorPages pages;

    PageErrorAdvice(BrowserErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** The 400 page, naming the field as the page labels it when it has a label. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Locale locale, Model model) {
        String detail = pages.field(e.field(), "error.field.invalid", locale);
        if (detail != null) {
            model.addAttribute("errorDetail", detail);
        }
        return "error/400";
    }
}
