package br.com.vetric.dashboard.web;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Friendly error pages for the dashboard's pages (the JSON API answers problem+json instead). */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
class PageErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid() {
        return "error/400";
    }
}
