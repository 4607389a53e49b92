package br.com.vetric.platform.web;

import br.com.vetric.platform.Words;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template the pt-BR formatter as {@code fmt} and the words for VETRIC's codes as {@code words}. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final PageFormat fmt;
    private final Words words;

    PageModelAdvice(PageFormat fmt, Words words) {
        this.fmt = fmt;
        this.words = words;
    }

    @ModelAttribute("fmt")
    PageFormat fmt() {
        return fmt;
    }

    @ModelAttribute("words")
    Words words() {
        return words;
    }
}
