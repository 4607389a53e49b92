package br.com.vetric.reports;

import br.com.vetric.reports.internal.StatementService;
import br.com.vetric.shared.CondominiumId;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Monthly consumption statements: per apartment and resident, priced with the condominium's tariff, reconciled to the
 * Wh and the centavo, stored as PDF and XLSX documents. An open month's statement is a draft that regenerating
 * replaces; once the month is closed, regenerating makes a new version and keeps the old ones.
 */
@Service
public class Statements {

    private final StatementService statements;

    Statements(StatementService statements) {
        this.statements = statements;
    }

    public List<Statement> of(CondominiumId condo, YearMonth month) {
        return statements.statements(condo, month);
    }

    public boolean closed(CondominiumId condo, YearMonth month) {
        return statements.closed(condo, month);
    }

    /** Generates (or, for an open month, replaces) the month's statement. */
    public Statement generate(CondominiumId condo, YearMonth month, Long userId) {
        return statements.generateStatement(condo, month, userId);
    }

    /** Closes a month, generating its statement first if there is none. Closing twice is harmless. */
    public Statement close(CondominiumId condo, YearMonth month, Long userId) {
        return statements.closeMonth(condo, month, userId);
    }

    /** The previous month's statement of every condominium that has none yet; how many were generated. */
    public int generateMissingForPreviousMonth() {
        return statements.generateMissingForPreviousMonth();
    }
}
