package br.com.vetric.residentapp.internal;

import br.com.vetric.residentapp.ResidentAppProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The per-source limits of the residents' sign-in (Bucket4j buckets per source address, refilled evenly over the
 * code window, in a size-bounded Caffeine cache): code requests, and code checks (token requests), counted apart.
 * In memory, like the managers' login throttle: one instance, counts reset on restart.
 */
@Component
class SourceThrottle {

    enum Action {
        CODE,
        TOKEN
    }

    private final ResidentAppProperties props;
    private final Cache<Key, Bucket> buckets;

    SourceThrottle(ResidentAppProperties props) {
        this.props = props;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(props.trackedSources())
                .expireAfterAccess(props.codeWindow())
                .build();
    }

    /** @throws SignInThrottledException when this address must wait */
    void take(String source, Action action) {
        int capacity = action == Action.CODE ? props.requestsPerSource() : props.attemptsPerSource();
        Bucket bucket = buckets.get(
                new Key(source == null ? "" : source, action),
                k -> Bucket.builder()
                        .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, props.codeWindow()))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new SignInThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private record Key(String source, Action action) {}
}
