package br.com.vetric.reports.internal;

import br.com.vetric.platform.InvalidInputException;

/**
 * A tariff field refused: the API answers 400 naming the JSON field (English message); the page says in pt-BR what
 * is wrong with the field as people see it, from {@link #problem()}.
 */
public class TariffRejectedException extends InvalidInputException {

    /** What is wrong with the field. */
    public enum Problem {
        REQUIRED,
        NOT_A_NUMBER,
        AMBIGUOUS_NUMBER,
        OUT_OF_RANGE,
        TOO_MANY_DECIMALS,
        NOT_A_TIME,
        END_NOT_AFTER_START,
        NOT_A_DATE,
        DATE_OUT_OF_RANGE,
        NOT_FOUND
    }

    private final Problem problem;

    public TariffRejectedException(String field, Problem problem, String message) {
        super(field, message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
