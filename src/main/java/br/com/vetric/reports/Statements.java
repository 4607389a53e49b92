package br.com.vetric.reports;

import br.com.vetric.condominium.Feature;
import br.com.vetric.condominium.PlanRefusedException;
import br.com.vetric.condominium.Plans;
import br.com.vetric.reports.internal.StatementService;
import br.com.vetric.reports.internal.UnitsCsv;
import br.com.vetric.shared.CondominiumId;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Monthly consumption statements: per apartment and resident, each day priced with the tariff in force that day,
 * reconciled to the Wh and the centavo, stored as PDF and XLSX documents with their lines per resident. Every
 * generation is a new version (earlier ones stay downloadable); a statement is PARCIAL when generated before the
 * month was over, RASCUNHO until the month is closed, and flagged outdated when something it used changes. A
 * condominium whose plan does not include statements gets none ({@link PlanRefusedException}, 403); the documents
 * of statements generated before a downgrade stay in its reports.
 */
@Service
public class Statements {

    private final StatementService statements;
    private final Plans plans;

    Statements(StatementService statements, Plans plans) {
        this.statements = statements;
        this.plans = plans;
    }

    /** Whether the condominium's plan includes statements (the page says so when it does not). */
    public boolean included(CondominiumId condo) {
        return plans.allows(condo, Feature.STATEMENTS);
    }

    /** The month's versions, newest first. */
    public List<Statement> of(CondominiumId condo, YearMonth month) {
        plans.require(condo, Feature.STATEMENTS);
        return statements.statements(condo, month);
    }

    /** Every version of a year's and/or month's statements (null: any), newest month and version first. */
    public List<Statement> list(CondominiumId condo, Integer year, Integer month) {
        return statements.statements(condo, year, month);
    }

    public Statement get(CondominiumId condo, long statementId) {
        plans.require(condo, Feature.STATEMENTS);
        return statements.statement(condo, statementId);
    }

    /** A statement's lines, one per resident and apartment (empty for statements generated before VETRIC kept them). */
    public List<StatementLine> lines(CondominiumId condo, long statementId) {
        plans.require(condo, Feature.STATEMENTS);
        return statements.lines(condo, statementId);
    }

    /**
     * The statement per apartment as a CSV for the building's administration (pt-BR: semicolons, decimal commas,
     * UTF-8 with a byte-order mark so spreadsheet programs read the accents): apartment, tower, residents, sessions,
     * kWh (peak, off-peak) and R$.
     */
    public byte[] unitsCsv(CondominiumId condo, long statementId) {
        plans.require(condo, Feature.STATEMENTS);
        return UnitsCsv.write(statements.lines(condo, statementId));
    }

    public boolean closed(CondominiumId condo, YearMonth month) {
        return statements.closed(condo, month);
    }

    /** Generates the month's next statement version. */
    public Statement generate(CondominiumId condo, YearMonth month, Long userId) {
        plans.require(condo, Feature.STATEMENTS);
        return statements.generateStatement(condo, month, userId);
    }

    /**
     * Closes a month that is over, printing its final version (without the RASCUNHO mark). Closing twice is harmless.
     */
    public Statement close(CondominiumId condo, YearMonth month, Long userId) {
        plans.require(condo, Feature.STATEMENTS);
        return statements.closeMonth(condo, month, userId);
    }

    /** The previous month's statement of every condominium that has none yet; how many were generated. */
    public int generateMissingForPreviousMonth() {
        return statements.generateMissingForPreviousMonth();
    }
}
