package br.com.vetric.condominium.web;

import br.com.vetric.condominium.PlanRefusedException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the plan refuses, wherever it is refused: 403 problem+json on the API (the detail names the limit, the plan
 * and the current use; {@code limit}/{@code feature}, {@code plan}, {@code max} and {@code current} as properties),
 * 403 with a pt-BR page otherwise.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanRefusedAdvice {

    @ExceptionHandler(PlanRefusedException.class)
    Object refused(PlanRefusedException e, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(e));
        }
        ModelAndView page = new ModelAndView("condominium/plan-refused", HttpStatus.FORBIDDEN);
        page.addObject("refused", e);
        page.addObject("planName", "plan." + e.plan().name());
        switch (e) {
            case PlanRefusedException.LimitExceeded l -> {
                page.addObject("what", "limit." + l.limit().name());
                page.addObject("max", l.max());
                page.addObject("current", l.current());
                page.addObject("adding", l.adding());
            }
            case PlanRefusedException.FeatureMissing f ->
                page.addObject("what", "feature." + f.feature().name());
        }
        return page;
    }

    static ProblemDetail problem(PlanRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Not included in the plan");
        p.setType(URI.create("about:blank"));
        p.setProperty("plan", e.plan().code());
        switch (e) {
            case PlanRefusedException.LimitExceeded l -> {
                p.setProperty("limit", l.limit().code());
                p.setProperty("max", l.max());
                p.setProperty("current", l.current());
                p.setProperty("adding", l.adding());
            }
            case PlanRefusedException.FeatureMissing f ->
                p.setProperty("feature", f.feature().code());
        }
        return p;
    }
}
