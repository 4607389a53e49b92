package br.com.vetric.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template the pt-BR formatter as {@code fmt}. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final PageFormat fmt;

    PageModelAdvice(PageFormat fmt) {
        this.fmt = fmt;
    }

    @ModelAttribute("fmt")
    PageFormat fmt() {
        return fmt;
    }
}
