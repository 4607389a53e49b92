package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.SessionExport;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.SqlStatements;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The session export: its exact CSV format, and how it reads a large record. */
@WebTest
class SessionExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionExport export;

    record Condo(long id, String email, long userId) {}

    /** A condominium of its own (so only this test's sessions are exported) and its manager. */
    Condo condo(String name) {
        long id = condominiums.create(name + " " + System.nanoTime()).id().value();
        String email = "export-" + System.nanoTime() + "@vetric.test";
        long user = users.create(email, "Síndico", Role.CLIENTE, id, "export-password-1")
                .id();
        return new Condo(id, email, user);
    }

    static Timestamp local(String dateTime) {
        return Timestamp.from(
                LocalDateTime.parse(dateTime).atZone(Zones.SAO_PAULO).toInstant());
    }

    long session(
            long condo,
            String charger,
            int connector,
            String tag,
            Long resident,
            String status,
            String start,
            String end,
            long wh,
            Long durationSeconds,
            String endReason,
            String unidentified) {
        return jdbc.sql("""
                        insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, id_tag,
                               resident_id, status, started_at, ended_at, energy_wh, duration_seconds, end_reason,
                               unidentified_reason)
                        values (:c, 'uuid-' || coalesce(:name, 'none'), :name, :k, :tag, :r, :s, :start, :end, :wh, :d, :reason, :why)
                        returning id""")
                .param("c", condo)
                .param("name", charger)
                .param("k", connector)
                .param("tag", tag)
                .param("r", resident)
                .param("s", status)
                .param("start", local(start))
                .param("end", end == null ? null : local(end))
                .param("wh", wh)
                .param("d", durationSeconds)
                .param("reason", endReason)
                .param("why", unidentified)
                .query(Long.class)
                .single();
    }

    @Test
    void theCsvIsByteForByteTheFormatSpreadsheetsInBrazilOpen() throws Exception {
        Condo c = condo("Condomínio CSV");
        long joao = jdbc.sql(
                        "insert into resident (condominium_id, name, apartment, tower) values (:c, 'João da Silva',"
                                + " 'Apto 101', 'Torre A') returning id")
                .param("c", c.id())
                .query(Long.class)
                .single();
        long s1 = session(
                c.id(),
                "Garagem 1",
                1,
                "AB12CD34",
                joao,
                "FINISHED",
                "2026-03-10T22:15:00",
                "2026-03-11T00:40:00",
                20_820,
                8_700L,
                "EV_DISCONNECTED",
                null);
        long s2 = session(
                c.id(),
                "Box; 2",
                2,
                "=ZZ99",
                null,
                "FINISHED",
                "2026-03-10T22:15:00",
                "2026-03-11T01:00:00",
                1_234_567,
                null,
                "OTHER",
                "TAG_NOT_REGISTERED");
        long s3 = session(
                c.id(),
                null,
                1,
                null,
                null,
                "ERROR",
                "2026-01-05T08:00:00",
                "2026-01-05T08:30:00",
                0,
                1_800L,
                null,
                null);

        byte[] csv = mvc.perform(
                        get("/sessions/export.csv").with(WebFixtures.as(users, c.email(), "export-password-1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        String expected = "\uFEFF"
                + "ID;Carregador;Conector;Morador;Unidade;Tag;Status;Início;Fim;Duração (min);Energia (kWh);"
                + "Motivo do fim;Motivo não identificado\r\n"
                + s2 + ";\"Box; 2\";2;;;'=ZZ99;Finalizado;10/03/2026 22:15;11/03/2026 01:00;165;1.234,57;"
                + "outro motivo informado pelo carregador;tag RFID =ZZ99 não cadastrada para nenhum morador\r\n"
                + s1 + ";Garagem 1;1;João da Silva;Apto 101 · Torre A;AB12CD34;Finalizado;10/03/2026 22:15;"
                + "11/03/2026 00:40;145;20,82;carro desconectado;\r\n"
                + s3 + ";;1;;;;Com falha;05/01/2026 08:00;05/01/2026 08:30;30;0,00;;\r\n";
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(csv).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Issue #10: a charger that reports the energy only at the end never shows a false 0,00 in the exports. */
    @Test
    void anOpenSessionWhoseEnergyComesAtTheEndSaysSoInTheCsvAndTheXlsx() throws Exception {
        Condo c = condo("Condomínio Pendente");
        long open = jdbc.sql("""
                        insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, id_tag,
                               status, started_at, energy_wh, energy_pending)
                        values (:c, 'uuid-p', 'Garagem 3', 1, 'PEND01', 'CHARGING', now() - interval '1 hour', 0, true)
                        returning id""").param("c", c.id()).query(Long.class).single();
        var login = WebFixtures.as(users, c.email(), "export-password-1");

        String csv = new String(
                mvc.perform(get("/sessions/export.csv").with(login))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        String row =
                csv.lines().filter(l -> l.startsWith(open + ";")).findFirst().orElseThrow();
        assertThat(row.split(";", -1)[10]).isEqualTo("energia informada ao final");
        assertThat(row).doesNotContain("0,00");

        byte[] xlsx = mvc.perform(get("/sessions/export.xlsx").with(login))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(10).getStringCellValue())
                    .isEqualTo("energia informada ao final");
        }
    }

    /** {@code n} finished sessions, two by two with the same start (the id breaks the tie), one in ten identified. */
    void manySessions(long condo, int n) {
        long resident = jdbc.sql("insert into resident (condominium_id, name, apartment) values (:c, 'Maria', 'Apto 7')"
                        + " returning id")
                .param("c", condo)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, id_tag,
                               resident_id, status, started_at, ended_at, energy_wh, duration_seconds)
                        select :c, 'uuid-' || (i % 7), 'Garagem ' || (i % 7), 1, 'TAG' || (i % 13),
                               case when i % 10 = 0 then :r end, 'FINISHED',
                               timestamptz '2026-03-01 12:00:00-03' - (i / 2) * interval '1 hour',
                               timestamptz '2026-03-01 12:30:00-03' - (i / 2) * interval '1 hour', i, 1800
                          from generate_series(1, :n) i""").param("c", condo).param("r", resident).param("n", n).update();
    }

    List<Long> idsNewestFirst(long condo, String extraWhere) {
        return jdbc.sql("select id from charging_session where condominium_id = :c " + extraWhere
                        + " order by started_at desc, id desc")
                .param("c", condo)
                .query(Long.class)
                .list();
    }

    @Test
    void fiftyThousandSessionsStreamInPagesOfAThousandAllOfThemInOrder() throws Exception {
        Condo c = condo("Condomínio Grande");
        manySessions(c.id(), 50_000);
        List<Long> expected = idsNewestFirst(c.id(), "");

        byte[][] csv = new byte[1][];
        List<String> reads = SqlStatements.during(
                "from charging_session",
                () -> csv[0] = mvc.perform(
                                get("/sessions/export.csv").with(WebFixtures.as(users, c.email(), "export-password-1")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());

        String[] lines = new String(csv[0], StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(50_001);
        List<Long> ids = Arrays.stream(lines)
                .skip(1)
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(';'))))
                .toList();
        assertThat(ids).isEqualTo(expected);
        assertThat(lines[1]).contains(";Garagem ", ";Finalizado;", ";30;");

        // the query pattern: pages of at most a thousand by keyset, never the whole record, never an offset
        assertThat(reads).hasSize(51); // 50 full pages and the empty one that ends it
        assertThat(reads).allSatisfy(q -> assertThat(q).contains("limit ?").doesNotContain("offset"));
        assertThat(reads.subList(1, reads.size())).allSatisfy(q -> assertThat(q).contains("(started_at, id) < (?, ?)"));
    }

    @Test
    void theXlsxCarriesEverySessionOfTheFilterAcrossPages() throws Exception {
        Condo c = condo("Condomínio Planilha");
        manySessions(c.id(), 5_000);
        // 2026-01-01 .. 2026-02-28 (São Paulo): 59 days of two sessions an hour, three pages
        List<Long> expected = idsNewestFirst(
                c.id(),
                "and started_at >= timestamptz '2026-01-01 00:00:00-03'"
                        + " and started_at < timestamptz '2026-03-01 00:00:00-03'");
        assertThat(expected).hasSizeGreaterThan(2_000);

        byte[] xlsx = mvc.perform(get("/sessions/export.xlsx?from=2026-01-01&to=2026-02-28")
                        .with(WebFixtures.as(users, c.email(), "export-password-1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                ids.add((long) sheet.getRow(i).getCell(0).getNumericCellValue());
            }
            assertThat(ids).isEqualTo(expected);
        }
    }

    @Test
    void aSecondExportOfTheSameUserWhileTheFirstRunsIsRefusedWithAPageInPortuguese() throws Exception {
        Condo c = condo("Condomínio Pressa");
        String other = "outro-" + System.nanoTime() + "@vetric.test";
        users.create(other, "Outro", Role.CLIENTE, c.id(), "export-password-2");
        try (SessionExport.Slot running = export.slot(c.userId()).orElseThrow()) {
            mvc.perform(get("/sessions/export.csv").with(WebFixtures.as(users, c.email(), "export-password-1")))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(content().string(containsString("Uma exportação sua ainda está em andamento")));
            // another user of the same condominium is not held up
            mvc.perform(get("/sessions/export.xlsx").with(WebFixtures.as(users, other, "export-password-2")))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/sessions/export.csv").with(WebFixtures.as(users, c.email(), "export-password-1")))
                .andExpect(status().isOk());
    }
}
