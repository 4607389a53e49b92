package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.internal.Fmt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template the pt-BR formatter as {@code fmt}. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final Fmt fmt;

    PageModelAdvice(Fmt fmt) {
        this.fmt = fmt;
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return fmt;
    }
}
