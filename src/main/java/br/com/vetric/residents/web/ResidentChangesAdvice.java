package br.com.vetric.residents.web;

import br.com.vetric.residents.ResidentChangesNotAllowedException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Any page that tries to change residents for a user who may not (the residents' own pages, the unknown tags'):
 * 403 with a pt-BR page saying the operator does not allow it. A JSON endpoint is not answered here (the exception
 * goes on to the security's problem+json 403; the residents API answers it itself).
 */
@ControllerAdvice(annotations = Controller.class)
class ResidentChangesAdvice {

    @ExceptionHandler(ResidentChangesNotAllowedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed(ResidentChangesNotAllowedException e, HandlerMethod handler)
            throws ResidentChangesNotAllowedException {
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            throw e;
        }
        return "residents/not-allowed";
    }
}
