package br.com.vetric.sessions.internal;

import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.sessions.internal.Session.Who;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Tags;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out who charged: the one place that turns what a charger sent into a tag and a resident.
 * <ul>
 *   <li>tags are trimmed and compared in upper case (chargers send the same card in either case);</li>
 *   <li>when a charger sends an empty tag with only the CVE-PRO card number (tag pk), the tag is found through the
 *       pk→tag pairs learnt from other transactions that carried both;</li>
 *   <li>a tag that no active resident owns leaves the session unidentified, with the reason.</li>
 * </ul>
 */
@Component
public class TagResolver {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Residents residents;

    TagResolver(JdbcClient jdbc, JdbcTemplate template, Residents residents) {
        this.jdbc = jdbc;
        this.template = template;
        this.residents = residents;
    }

    /** Who each transaction belongs to, by transaction id; learns (and keeps) new tag pk→tag pairs on the way. */
    public Map<Long, Who> resolve(CondominiumId condo, List<TransactionSnapshot> transactions, Instant now) {
        if (transactions.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> pks = tagPks(condo);
        Map<Long, String> learned = new HashMap<>();
        for (TransactionSnapshot t : transactions) {
            if (t.tagPk() != null) {
                Tags.normalize(t.idTag()).ifPresent(tag -> {
                    if (!tag.equals(pks.get(t.tagPk()))) {
                        learned.put(t.tagPk(), tag);
                    }
                });
            }
        }
        saveTagPks(condo, learned, now);
        pks.putAll(learned);
        Map<String, ResidentRef> directory = residents.tagDirectory(condo);
        Map<Long, Who> result = new HashMap<>();
        for (TransactionSnapshot t : transactions) {
            String tag = Tags.normalize(t.idTag()).orElse(t.tagPk() == null ? null : pks.get(t.tagPk()));
            ResidentRef resident = tag == null ? null : directory.get(tag);
            UnidentifiedReason reason = resident != null
                    ? null
                    : tag != null
                            ? UnidentifiedReason.TAG_NOT_REGISTERED
                            : t.tagPk() != null ? UnidentifiedReason.TAG_PK_UNKNOWN : UnidentifiedReason.NO_TAG;
            result.put(t.id(), new Who(tag, resident == null ? null : resident.id(), reason));
        }
        return result;
    }

    private Map<Long, String> tagPks(CondominiumId condo) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("select tag_pk, tag from tag_pk_mapping where condominium_id = :condo")
                .param("condo", condo.value())
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    private void saveTagPks(CondominiumId condo, Map<Long, String> learned, Instant now) {
        if (learned.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        learned.forEach((pk, tag) -> args.add(new Object[] {condo.value(), pk, tag, Timestamp.from(now)}));
        template.batchUpdate("""
                insert into tag_pk_mapping (condominium_id, tag_pk, tag, learned_at) values (?, ?, ?, ?)
                on conflict (condominium_id, tag_pk) do update set tag = excluded.tag, learned_at = excluded.learned_at
                """, args);
    }
}
