package br.com.vetric.integrations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An API key's requests per minute, counted in PostgreSQL so that every instance shares one budget: a key's window
 * opens at its first request after the previous window ended and lasts a minute (the database's clock, one for every
 * instance). Each request is one statement; requests refused still count, so a key hammering past its limit is
 * refused until its window ends.
 */
@Component
class ApiKeyRateLimit {

    /** The outcome of one request: whether it may go on, what is left, and when the window ends. */
    record Verdict(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private final JdbcClient jdbc;

    ApiKeyRateLimit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Verdict consume(long keyId, int limit) {
        return jdbc.sql("""
                        insert into api_key_rate_window as w (api_key_id, window_start, used)
                        values (:id, clock_timestamp(), 1)
                        on conflict (api_key_id) do update set
                            used = case when w.window_start + interval '1 minute' <= excluded.window_start
                                        then 1 else w.used + 1 end,
                            window_start = case when w.window_start + interval '1 minute' <= excluded.window_start
                                                then excluded.window_start else w.window_start end
                        returning used,
                                  ceil(extract(epoch from w.window_start + interval '1 minute' - clock_timestamp()))
                                      as reset""")
                .param("id", keyId)
                .query((rs, i) -> {
                    int used = rs.getInt("used");
                    return new Verdict(
                            used <= limit, limit, Math.max(0, limit - used), Math.max(0, rs.getLong("reset")));
                })
                .single();
    }
}
