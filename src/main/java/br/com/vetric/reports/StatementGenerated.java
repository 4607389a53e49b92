package br.com.vetric.reports;

import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A statement version was generated (published in the generation's transaction, durable). {@code partial}: the
 * month was not over yet; {@code draft}: the month was not closed. Every generation is a new version, so a listener
 * that tells residents once per month keeps its own record of whom it told.
 *
 * @param lines one per identified resident (and apartment) with their energy and cost in the month
 */
public record StatementGenerated(
        CondominiumId condominiumId,
        long statementId,
        YearMonth month,
        int version,
        boolean partial,
        boolean draft,
        List<ResidentLine> lines) {

    public StatementGenerated {
        lines = List.copyOf(lines);
    }

    /** A resident's month: energy as whole Wh, cost in R$ to the centavo. */
    public record ResidentLine(long residentId, String apartment, long wh, BigDecimal cost) {}
}
