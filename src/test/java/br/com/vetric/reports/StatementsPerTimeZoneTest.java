package br.com.vetric.reports;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.ClockTestConfig;
import br.com.vetric.support.MutableClock;
import br.com.vetric.support.SqlStatements;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The monthly job runs per condominium in its own time zone: at 03:30 UTC on the 1st it is already the 1st in São
 * Paulo (00:30) but still the last day of the month in Manaus (23:30), so only São Paulo's previous month has its
 * statement; at 04:30 UTC both do. A deactivated condominium and one whose plan has no statements get none.
 */
@SpringBootTest(properties = "vetric.demo.live=false")
@ActiveProfiles("test")
@Import(ClockTestConfig.class)
class StatementsPerTimeZoneTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Autowired
    MutableClock clock;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Statements statements;

    @Autowired
    JdbcClient jdbc;

    CondominiumId condominium(String name, String zone, String plan, boolean active) {
        return condominiums
                .create(new CondominiumCommand(
                        name + " " + System.nanoTime(), null, null, null, null, zone, plan, active))
                .id();
    }

    List<YearMonth> months(CondominiumId condo) {
        return jdbc.sql("select ref_year, ref_month from statement where condominium_id = :c order by id")
                .param("c", condo.value())
                .query((rs, i) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
                .list();
    }

    @Test
    void theFirstOfTheMonthComesAnHourLaterInManausAndSkipsDeactivatedAndBasicCondominiums() throws Exception {
        CondominiumId saoPaulo = condominium("Residencial Paulista", "America/Sao_Paulo", "premium", true);
        CondominiumId manaus = condominium("Residencial Amazonas", "America/Manaus", "premium", true);
        CondominiumId deactivated = condominium("Residencial Fechado", "America/Sao_Paulo", "premium", false);
        CondominiumId basic = condominium("Residencial Básico", "America/Sao_Paulo", "basic", true);
        Condominium primary = condominiums.primary();

        clock.set(Instant.parse("2026-02-01T03:30:00Z"));
        statements.generateMissingForPreviousMonth();
        assertThat(months(saoPaulo)).containsExactly(JANUARY);
        // still January 31st there: its previous month is December (generated, as for any condominium that lacks it)
        assertThat(months(manaus)).doesNotContain(JANUARY).containsExactly(JANUARY.minusMonths(1));
        assertThat(months(primary.id())).containsExactly(JANUARY); // São Paulo, enterprise

        clock.set(Instant.parse("2026-02-01T04:30:00Z"));
        statements.generateMissingForPreviousMonth();
        assertThat(months(manaus)).containsExactly(JANUARY.minusMonths(1), JANUARY);
        assertThat(months(saoPaulo)).containsExactly(JANUARY); // not a second time, and never December
        assertThat(months(deactivated)).isEmpty();
        assertThat(months(basic)).isEmpty();

        // when every month is there, the job is one query for all condominiums (and perhaps the condominiums' list)
        List<String> idle = SqlStatements.during("SQL statement [", () -> statements.generateMissingForPreviousMonth());
        assertThat(idle).hasSizeLessThanOrEqualTo(2);
        assertThat(idle).filteredOn(q -> q.contains("from statement")).hasSize(1);

        // reactivated, the condominium gets its missing month at the next run
        Condominium c = condominiums.get(deactivated);
        condominiums.update(deactivated, c.command().withActive(true));
        statements.generateMissingForPreviousMonth();
        assertThat(months(deactivated)).containsExactly(JANUARY);
    }
}
