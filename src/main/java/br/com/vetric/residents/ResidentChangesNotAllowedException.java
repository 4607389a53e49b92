package br.com.vetric.residents;

import org.springframework.security.access.AccessDeniedException;

/**
 * The user may read the residents but not change them: a manager (CLIENTE) whose condominium's operator turned the
 * managers' changes off, or of another condominium. Answered 403 (problem+json on the API, a pt-BR page otherwise).
 */
public class ResidentChangesNotAllowedException extends AccessDeniedException {

    public ResidentChangesNotAllowedException() {
        super("the operator does not allow this condominium's managers to change residents");
    }
}
