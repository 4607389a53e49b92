package br.com.vetric.demo;

import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.platform.DatabaseProperties;
import br.com.vetric.platform.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo and a real installation apart: the first start records in the database which of the two it holds
 * ({@code installation.mode}), and every later start in the other mode is refused before anything is read or
 * written (this check runs while the beans are created; seeding, the admin account and the poller come after).
 * So the demo's accounts ({@code admin@vetric.local}/{@code vetric-admin}, {@code sindico@vetric.local}) and its
 * simulated sessions can never be used by a real CVE-PRO installation, and the simulator never writes into one.
 */
@Component
class DemoDataGuard {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGuard.class);

    DemoDataGuard(JdbcClient jdbc, CpmsProperties cpms, DatabaseProperties db) {
        String mode = cpms.configured() ? "REAL" : "DEMO";
        String recorded = jdbc.sql("select mode from installation")
                .query(String.class)
                .optional()
                .orElse(null);
        if (recorded == null) {
            jdbc.sql("insert into installation (mode) values (:mode) on conflict do nothing")
                    .param("mode", mode)
                    .update();
            recorded = jdbc.sql("select mode from installation")
                    .query(String.class)
                    .single();
            log.info(
                    "This database now holds {} data",
                    recorded.equals("DEMO") ? "the demo's" : "a real installation's");
        }
        if (recorded.equals(mode)) {
            return;
        }
        String where = db.describeLocation();
        String elsewhere = db.external()
                ? "point VETRIC_DB_URL at a new, empty database"
                : "move that data directory away or set VETRIC_DATA_DIR to a new folder";
        if (mode.equals("REAL")) {
            throw new StartRefusedException(
                    "VETRIC_CPMS_URL is set, but " + where + " holds the demo's simulated "
                            + "data and accounts; VETRIC will not run a real CVE-PRO installation on it.",
                    "To go live, " + elsewhere + " (VETRIC then starts on an empty database). To run the demo again, "
                            + "unset VETRIC_CPMS_URL.");
        }
        throw new StartRefusedException(
                "VETRIC_CPMS_URL is not set (demo mode), but " + where + " holds a real "
                        + "installation's data; VETRIC will not run the demo's simulator on it.",
                "Set VETRIC_CPMS_URL (and the other CVE-PRO settings) to run this installation, or, for the demo, "
                        + elsewhere + ".");
    }
}
