package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.insights.internal.AlertSettings;
import br.com.vetric.insights.internal.Alerts;
import br.com.vetric.insights.internal.Unusual;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.SessionRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The insights' alerts as manager notices, on a record built in the database of a new condominium: five apartments
 * with months of ordinary (noisy) use, one apartment whose use jumps this month, a charger whose sessions keep being
 * cut by power losses, a session that delivered almost nothing in three hours, and an unknown tag used three times.
 * Each incident reaches the manager's WhatsApp (the fake Evolution API) once, whatever the number of checks; a muted
 * kind sends and records nothing; ordinary use raises no consumption alert.
 */
class InsightAlertsTest extends NotificationTestSupport {

    @Autowired
    Alerts alerts;

    @Autowired
    Tariffs tariffs;

    Condominium c;
    long tx;

    private List<String> alertTexts() {
        return textsTo(MANAGER_DIGITS).stream()
                .filter(t -> t.startsWith(c.name() + ":"))
                .toList();
    }

    private List<String> raised(Unusual.Kind kind) {
        return jdbc.sql("select subject from insight_alert where condominium_id = :c and kind = :k order by subject")
                .param("c", c.id().value())
                .param("k", kind.name())
                .query(String.class)
                .list();
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from notification_outbox where condominium_id = :c and kind like 'ALERT_%'")
                .param("c", c.id().value())
                .query(Long.class)
                .single();
    }

    private long resident(String name, String unit, String tag) {
        return residents
                .create(c.id(), new ResidentCommand(name, unit, null, null, List.of(tag), true))
                .id();
    }

    /** A finished session on a named charger with its duration (and an end reason). */
    private void session(String charger, LocalDateTime start, int minutes, long wh, String endReason) {
        jdbc.sql("""
                        insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, id_tag,
                               status, started_at, ended_at, energy_wh, duration_seconds, idle_seconds, end_reason)
                        values (:c, :uuid, :name, 1, null, 'FINISHED', :s, :e, :wh, :d, 0, :reason)""")
                .param("c", c.id().value())
                .param("uuid", "uuid-" + charger)
                .param("name", charger)
                .param("s", Timestamp.from(start.atZone(Zones.SAO_PAULO).toInstant()))
                .param(
                        "e",
                        Timestamp.from(start.plusMinutes(minutes)
                                .atZone(Zones.SAO_PAULO)
                                .toInstant()))
                .param("wh", wh)
                .param("d", minutes * 60L)
                .param("reason", endReason)
                .update();
    }

    private void daily(long resident, String tag, LocalDate day, long wh) {
        SessionRows.finished(jdbc, c.id(), tx++, day + "T20:00", day + "T22:00", wh, resident, tag);
    }

    @Test
    void eachUnusualPatternReachesTheManagersOncePerIncidentAndAMutedKindNothing() {
        String unique = Long.toString(System.nanoTime());
        c = condominiums.create(new CondominiumCommand(
                "Alertas " + unique, null, null, null, null, null, "PREMIUM", true)); // a plan with WhatsApp
        tx = Math.abs(unique.hashCode()) * 10_000L;
        tariffs.save(c.id(), Tariff.flat(new BigDecimal("1.00")), null);
        LocalDate today = LocalDate.now(appClock.withZone(Zones.SAO_PAULO));
        YearMonth month = YearMonth.from(today);
        LocalDate from = month.minusMonths(5).atDay(1);

        // five apartments of ordinary, noisy use (about 7 days in 10, 60 % to 140 % of their own usual day)
        Random random = new Random(16);
        for (int a = 1; a <= 5; a++) {
            String tag = "ORD" + a + "-" + unique;
            long r = resident("Morador " + a, "10" + a, tag);
            long usual = 6_000 + 2_000L * a;
            for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
                if (random.nextDouble() < 0.7) {
                    daily(r, tag, d, Math.round(usual * (0.6 + 0.8 * random.nextDouble()) / 0.7));
                }
            }
        }
        // apartment 202: 10 kWh a day for months, 60 kWh a day this month
        String jump = "JMP-" + unique;
        long jumper = resident("Morador Novo Carro", "202", jump);
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            daily(jumper, jump, d, d.isBefore(month.atDay(1)) ? 10_000 : 60_000);
        }
        // charger Vaga 9: five sessions this month, all cut by a power loss; Vaga 7: ordinary 7 kW sessions, and one
        // of three hours that delivered 1 kWh
        for (int i = 0; i < 5; i++) {
            session("Vaga 9", month.atDay(1).atTime(8 + i, 0), 45, 5_000, "POWER_LOSS");
            session("Vaga 7", month.atDay(1).atTime(1 + i, 0), 60, 7_000, "EV_DISCONNECTED");
            session("Vaga 7", month.atDay(2).atTime(1 + i, 0), 120, 14_000, "EV_DISCONNECTED");
        }
        session("Vaga 7", month.atDay(2).atTime(14, 0), 180, 1_000, "EV_DISCONNECTED");
        // an unknown tag, three times this month
        for (int i = 0; i < 3; i++) {
            SessionRows.finished(
                    jdbc,
                    c.id(),
                    tx++,
                    month.atDay(1) + "T1" + i + ":00",
                    month.atDay(1) + "T1" + i + ":30",
                    2_000,
                    null,
                    "ESTRANHA" + unique.substring(unique.length() - 4));
        }

        AlertSettings muted =
                new AlertSettings(true, new BigDecimal("4.0"), true, new BigDecimal("3.0"), true, 20, false, 3);
        alerts.save(c.id(), muted);

        for (int check = 0; check < 3; check++) {
            alerts.check(c.id());
            notifications.deliverPending();
        }

        assertThat(raised(Unusual.Kind.CONSUMPTION_ABOVE_USUAL))
                .as("ordinary use raises no consumption alert; the jump does")
                .containsExactly("202");
        assertThat(raised(Unusual.Kind.ABNORMAL_ENDS_ABOVE_USUAL)).containsExactly("uuid-Vaga 9");
        assertThat(raised(Unusual.Kind.LOW_ENERGY_SESSION)).hasSize(1);
        assertThat(raised(Unusual.Kind.UNKNOWN_TAG_REPEATED))
                .as("muted: not recorded")
                .isEmpty();
        assertThat(outboxRows())
                .as("one manager, three incidents, three checks")
                .isEqualTo(3);
        List<String> texts = alertTexts();
        assertThat(texts).hasSize(3);
        assertThat(texts)
                .anySatisfy(t -> assertThat(t)
                        .contains("consumo fora do usual")
                        .contains("Apartamento 202:")
                        .contains("bem acima do usual")
                        .contains("apartamento 202"))
                .anySatisfy(t -> assertThat(t)
                        .contains("carregador Vaga 9 com interrupções fora do usual")
                        .contains("5 de 5 carregamentos interrompidos"))
                .anySatisfy(t -> assertThat(t)
                        .contains("pouca energia no carregador Vaga 7")
                        .contains("1,00 kWh")
                        .contains("3 h 00 min"))
                .allSatisfy(t -> assertThat(t).doesNotContain("—").doesNotContain("{{"));

        // unmuted: the tag's incident is raised now, once
        alerts.save(
                c.id(), new AlertSettings(true, new BigDecimal("4.0"), true, new BigDecimal("3.0"), true, 20, true, 3));
        for (int check = 0; check < 2; check++) {
            alerts.check(c.id());
            notifications.deliverPending();
        }
        assertThat(raised(Unusual.Kind.UNKNOWN_TAG_REPEATED)).hasSize(1);
        assertThat(outboxRows()).isEqualTo(4);
        List<String> after = new ArrayList<>(alertTexts());
        assertThat(after).hasSize(4);
        assertThat(after.getLast())
                .contains("tag desconhecida usada repetidamente")
                .contains("já foi usada 3 vezes");
    }

    @Test
    void aMonthOfOrdinaryUseRaisesNoConsumptionAlert() {
        String unique = Long.toString(System.nanoTime());
        c = condominiums.create("Alertas comuns " + unique);
        tx = Math.abs(unique.hashCode()) * 10_000L;
        tariffs.save(c.id(), Tariff.flat(new BigDecimal("1.00")), null);
        LocalDate today = LocalDate.now(appClock.withZone(Zones.SAO_PAULO));
        YearMonth month = YearMonth.from(today);
        Random random = new Random(42);
        for (int a = 1; a <= 8; a++) {
            String tag = "ORD" + a + "-" + unique;
            long r = resident("Morador " + a, "30" + a, tag);
            long usual = 4_000 + 1_500L * a;
            for (LocalDate d = month.minusMonths(6).atDay(1); d.isBefore(today); d = d.plusDays(1)) {
                if (random.nextDouble() < 0.6) {
                    daily(r, tag, d, Math.round(usual * (0.5 + random.nextDouble()) / 0.6));
                }
            }
        }
        // every day of the last whole month, and this month to date
        YearMonth last = month.minusMonths(1);
        for (LocalDate d = last.atDay(1); !d.isAfter(last.atEndOfMonth()); d = d.plusDays(1)) {
            assertThat(alerts.findings(c.id(), last, d))
                    .as("findings as of %s", d)
                    .noneMatch(f -> f.kind() == Unusual.Kind.CONSUMPTION_ABOVE_USUAL);
        }
        alerts.check(c.id());
        assertThat(raised(Unusual.Kind.CONSUMPTION_ABOVE_USUAL)).isEmpty();
        assertThat(outboxRows()).isZero();
    }
}
