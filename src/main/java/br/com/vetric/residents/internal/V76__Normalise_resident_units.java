package br.com.vetric.residents.internal;

import br.com.vetric.residents.Unit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the units stored before {@link Unit} existed ("Apto 101" + "Torre A", "802 B") into number and tower with
 * the same rule the form, the API and the import use, so there is one rule and no SQL copy of it. A row the rule
 * refuses (an apartment text naming one tower and the tower field another) is left as it was and logged by id.
 * A Flyway Java migration, found by Spring Boot as a bean.
 */
@Component
class V76__Normalise_resident_units extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V76__Normalise_resident_units.class);

    @Override
    public void migrate(Context context) throws SQLException {
        normalise(context.getConnection());
    }

    /** Returns how many rows changed. */
    static int normalise(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement("select id, apartment, tower from resident");
                PreparedStatement update =
                        connection.prepareStatement("update resident set apartment = ?, tower = ? where id = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String apartment = rows.getString(2);
                String tower = rows.getString(3);
                Unit unit;
                try {
                    unit = Unit.parse(apartment, tower);
                } catch (Unit.Invalid e) {
                    log.warn("Resident {}: unit left as stored ({})", id, e.getMessage());
                    continue;
                }
                if (!unit.number().equals(apartment) || !Objects.equals(unit.tower(), tower)) {
                    update.setString(1, unit.number());
                    update.setString(2, unit.tower());
                    update.setLong(3, id);
                    update.addBatch();
                    changed++;
                }
            }
            if (changed > 0) {
                update.executeBatch();
            }
        }
        log.info("Normalised the units of {} resident(s)", changed);
        return changed;
    }
}
