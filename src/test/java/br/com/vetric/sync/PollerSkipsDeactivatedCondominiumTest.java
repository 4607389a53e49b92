package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The poll schedule (its turns run here one by one, against the built-in simulator over HTTP and a real PostgreSQL)
 * skips a deactivated condominium and polls it again once reactivated. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class PollerSkipsDeactivatedCondominiumTest {

    @Autowired
    Poller poller;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    long cycles(Condominium c) {
        return jdbc.sql("select count(*) from sync_cycle where condominium_id = :c")
                .param("c", c.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void aDeactivatedCondominiumIsNotPolledUntilReactivated() {
        Condominium polled = condominiums.primary();
        long before = cycles(polled);
        poller.tick();
        assertThat(cycles(polled)).as("an active condominium is polled").isEqualTo(before + 1);
        try {
            condominiums.update(polled.id(), polled.command().withActive(false));
            long ticks = poller.ticks();
            poller.tick();
            poller.tick();
            assertThat(poller.ticks()).isEqualTo(ticks + 2);
            assertThat(cycles(polled))
                    .as("a deactivated condominium is skipped")
                    .isEqualTo(before + 1);
        } finally {
            condominiums.update(polled.id(), polled.command().withActive(true));
        }
        poller.tick();
        assertThat(cycles(polled)).as("polled again once reactivated").isEqualTo(before + 2);
    }
}
