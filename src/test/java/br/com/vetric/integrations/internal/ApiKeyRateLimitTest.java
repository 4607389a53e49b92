package br.com.vetric.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.integrations.IntegrationsTest;
import java.util.Arrays;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limit of one API key is one budget for every instance: two limiters built on the same database (as two
 * instances of VETRIC would be) count the same key's requests together.
 */
@IntegrationsTest
class ApiKeyRateLimitTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    long newKey(int limit) {
        return jdbc.sql("""
                        insert into api_key (condominium_id, name, prefix, key_hash, scopes, rate_limit_per_minute,
                               created_by, created_at)
                        values ((select min(id) from condominium), 'limite', :prefix, '\\x00', '{chargers:read}',
                                :limit, (select min(id) from app_user), now())
                        returning id""")
                .param("prefix", "vtr_live_t" + Long.toString(System.nanoTime(), 36))
                .param("limit", limit)
                .query(Long.class)
                .single();
    }

    @Test
    void twoInstancesShareOneKeysBudgetSoTheHundredAndFirstRequestIsRefused() {
        ApiKeyRateLimit first = new ApiKeyRateLimit(JdbcClient.create(dataSource));
        ApiKeyRateLimit second = new ApiKeyRateLimit(JdbcClient.create(dataSource));
        long key = newKey(100);
        long otherKey = newKey(100);
        for (int i = 1; i <= 60; i++) {
            ApiKeyRateLimit.Verdict v = first.consume(key, 100);
            assertThat(v.allowed()).as("request %d on the first instance", i).isTrue();
            assertThat(v.remaining()).isEqualTo(100 - i);
        }
        for (int i = 61; i <= 100; i++) {
            ApiKeyRateLimit.Verdict v = second.consume(key, 100);
            assertThat(v.allowed()).as("request %d on the second instance", i).isTrue();
            assertThat(v.remaining()).isEqualTo(100 - i);
        }
        ApiKeyRateLimit.Verdict over = second.consume(key, 100);
        assertThat(over.allowed())
                .as("the 101st request, on the second instance")
                .isFalse();
        assertThat(over.remaining()).isZero();
        assertThat(over.resetSeconds()).isBetween(1L, 60L);
        assertThat(first.consume(key, 100).allowed())
                .as("and then on the first")
                .isFalse();
        assertThat(first.consume(otherKey, 100).allowed())
                .as("another key has its own budget")
                .isTrue();
    }

    @Test
    void aWindowThatEndedOpensAFreshOne() {
        ApiKeyRateLimit limiter = new ApiKeyRateLimit(JdbcClient.create(dataSource));
        long key = newKey(2);
        assertThat(limiter.consume(key, 2).allowed()).isTrue();
        assertThat(limiter.consume(key, 2).allowed()).isTrue();
        assertThat(limiter.consume(key, 2).allowed()).isFalse();
        jdbc.sql("update api_key_rate_window set window_start = window_start - interval '61 seconds'"
                        + " where api_key_id = :id")
                .param("id", key)
                .update();
        ApiKeyRateLimit.Verdict fresh = limiter.consume(key, 2);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(1);
        assertThat(fresh.resetSeconds()).isBetween(59L, 60L);
    }

    /** Not an assertion of speed: prints the cost of one counted request (one statement), for docs/BENCHMARKS.md. */
    @Test
    void countingARequestIsOneShortStatement() {
        ApiKeyRateLimit limiter = new ApiKeyRateLimit(JdbcClient.create(dataSource));
        long key = newKey(1_000_000);
        for (int i = 0; i < 200; i++) {
            limiter.consume(key, 1_000_000);
        }
        long[] micros = new long[2000];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            assertThat(limiter.consume(key, 1_000_000).allowed()).isTrue();
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf(
                "BENCH rate limit: %d requests counted, median %d µs, p99 %d µs per request%n",
                micros.length, micros[micros.length / 2], micros[micros.length * 99 / 100]);
        assertThat(micros[micros.length / 2]).isPositive();
    }
}
