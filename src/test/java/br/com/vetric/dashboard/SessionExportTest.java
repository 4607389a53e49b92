package br.com.vetric.dashboard;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    record Condo(long id, String email) {
    }

    /** A condominium of its own (so only this test's sessions are exported) and its manager. */
    Condo condo(String name) {
        long id = condominiums.create(name + " " + System.nanoTime()).id().value();
        String email = "export-" + System.nanoTime() + "@vetric.test";
        users.create(email, "Síndico", Role.CLIENTE, id, "export-password-1");
        return new Condo(id, email);
    }

    static Timestamp local(String dateTime) {
        return Timestamp.from(LocalDateTime.parse(dateTime).atZone(Zones.SAO_PAULO).toInstant());
    }

    long session(long condo, String charger, int connector, String tag, Long resident, String status, String start,
                 String end, long wh, Long durationSeconds, String endReason, String unidentified) {
        return jdbc.sql("""
                        insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, id_tag,
                               resident_id, status, started_at, ended_at, energy_wh, duration_seconds, end_reason,
                               unidentified_reason)
                        values (:c, 'uuid-' || coalesce(:name, 'none'), :name, :k, :tag, :r, :s, :start, :end, :wh, :d, :reason, :why)
                        returning id""")
                .param("c", condo).param("name", charger).param("k", connector).param("tag", tag).param("r", resident)
                .param("s", status).param("start", local(start)).param("end", end == null ? null : local(end))
                .param("wh", wh).param("d", durationSeconds).param("reason", endReason).param("why", unidentified)
                .query(Long.class).single();
    }

    @Test
    void theCsvIsByteForByteTheFormatSpreadsheetsInBrazilOpen() throws Exception {
        Condo c = condo("Condomínio CSV");
        long joao = jdbc.sql("insert into resident (condominium_id, name, apartment, tower) values (:c, 'João da Silva',"
                + " 'Apto 101', 'Torre A') returning id").param("c", c.id()).query(Long.class).single();
        long s1 = session(c.id(), "Garagem 1", 1, "AB12CD34", joao, "FINISHED", "2026-03-10T22:15:00",
                "2026-03-11T00:40:00", 20_820, 8_700L, "EVDisconnected", null);
        long s2 = session(c.id(), "Box; 2", 2, "ZZ99", null, "FINISHED", "2026-03-10T22:15:00",
                "2026-03-11T01:00:00", 1_234_567, null, "=cmd", "tag desconhecida");
        long s3 = session(c.id(), null, 1, null, null, "ERROR", "2026-01-05T08:00:00", "2026-01-05T08:30:00", 0,
                1_800L, null, null);

        byte[] csv = mvc.perform(get("/sessions/export.csv").with(WebFixtures.as(users, c.email(), "export-password-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String expected = "\uFEFF"
                + "ID;Carregador;Conector;Morador;Unidade;Tag;Status;Início;Fim;Duração (min);Energia (kWh);"
                + "Motivo do fim;Motivo não identificado\r\n"
                + s2 + ";\"Box; 2\";2;;;ZZ99;Finalizado;10/03/2026 22:15;11/03/2026 01:00;165;1.234,57;'=cmd;"
                + "tag desconhecida\r\n"
                + s1 + ";Garagem 1;1;João da Silva;Apto 101 · Torre A;AB12CD34;Finalizado;10/03/2026 22:15;"
                + "11/03/2026 00:40;145;20,82;EVDisconnected;\r\n"
                + s3 + ";;1;;;;Erro;05/01/2026 08:00;05/01/2026 08:30;30;0,00;;\r\n";
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(csv).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
}
