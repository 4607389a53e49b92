package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.IdentityProperties;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.InvalidInputException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing attackers a way to lock people out. Each login attempt takes a
 * token from two Bucket4j buckets: one of its source address and one of (source address, e-mail); a correct
 * password gives both back, so only failures count. An empty bucket answers 429 until it refills (evenly over
 * the window), whether the password is right or not, and whether the e-mail exists or not. Another address is
 * never held back, so the real user still gets in while an attacker is slowed.
 *
 * <p>The source is {@code request.getRemoteAddr()}, which Tomcat's RemoteIpValve takes from
 * {@code X-Forwarded-For} only when the peer is a trusted proxy ({@code VETRIC_TRUSTED_PROXIES}); IPv6 sources are
 * counted per /64 prefix. Buckets live in
 * a size-bounded Caffeine cache (least recently used first out; idle ones go after a window, when they would be
 * full again), so many addresses cannot exhaust memory. In memory: one VETRIC instance, counts reset on restart.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_EMAIL_KEY = 320;

    private final Users users;
    private final IdentityProperties.LoginThrottle settings;
    private final Cache<Key, Bucket> buckets;

    LoginThrottle(Users users, IdentityProperties props) {
        this.users = users;
        this.settings = props.loginThrottle();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.trackedKeys())
                .expireAfterAccess(settings.window())
                .build();
    }

    /**
     * Checks the password unless {@code source} has failed too often.
     *
     * @throws LoginThrottledException   when the source (or the source for this e-mail) must wait; the password
     *                                   is then not even checked
     * @throws BadCredentialsException   as {@link Users#authenticate}
     */
    public AuthenticatedUser authenticate(String source, String email, String password) {
        return guard(
                source, email, () -> users.authenticate(email, password), e -> e instanceof BadCredentialsException);
    }

    /**
     * Changes one's own password, a wrong current password counting as a failed login (a stolen session or token
     * must not be a way to guess the password at full speed).
     *
     * @throws LoginThrottledException when the source must wait; nothing is checked nor changed then
     * @see Users#changeOwnPassword
     */
    public AuthenticatedUser changeOwnPassword(
            String source, AuthenticatedUser user, String currentPassword, String newPassword) {
        return guard(
                source,
                user.email(),
                () -> users.changeOwnPassword(user.id(), currentPassword, newPassword),
                e -> e instanceof InvalidInputException i && "currentPassword".equals(i.field()));
    }

    private <T> T guard(String source, String email, Supplier<T> attempt, Predicate<RuntimeException> isFailure) {
        String address = sourceKey(source);
        Bucket perSource = bucket(new Key(address, null), settings.failuresPerSource());
        Bucket perAccount = bucket(new Key(address, accountKey(email)), settings.failuresPerAccount());
        ConsumptionProbe sourceProbe = perSource.tryConsumeAndReturnRemaining(1);
        if (!sourceProbe.isConsumed()) {
            throw new LoginThrottledException(Duration.ofNanos(sourceProbe.getNanosToWaitForRefill()));
        }
        ConsumptionProbe accountProbe = perAccount.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            perSource.addTokens(1);
            throw new LoginThrottledException(Duration.ofNanos(accountProbe.getNanosToWaitForRefill()));
        }
        boolean failed = false;
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            failed = isFailure.test(e);
            if (failed && sourceProbe.getRemainingTokens() == 0) {
                log.warn(
                        "Logins throttled for source {}: {} failures within {}",
                        address,
                        settings.failuresPerSource(),
                        settings.window());
            } else if (failed && accountProbe.getRemainingTokens() == 0) {
                log.warn(
                        "Logins throttled for source {} on one e-mail: {} failures within {}",
                        address,
                        settings.failuresPerAccount(),
                        settings.window());
            }
            throw e;
        } finally {
            if (!failed) { // only failures count
                perSource.addTokens(1);
                perAccount.addTokens(1);
            }
        }
    }

    private Bucket bucket(Key key, int failures) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, settings.window()))
                        .build());
    }

    /**
     * The address a bucket is kept for: an IPv4 address as is, an IPv6 address by its /64 prefix (one subscriber
     * usually holds a whole /64, so counting single IPv6 addresses would throttle nobody).
     */
    static String sourceKey(String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        if (source.indexOf(':') < 0) {
            return source;
        }
        try {
            byte[] bytes = InetAddress.getByName(source).getAddress(); // a literal (contains ':'): no DNS lookup
            if (bytes.length != 16) {
                return source;
            }
            byte[] prefix = java.util.Arrays.copyOf(bytes, 16); // the upper 64 bits; the rest zero
            java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException e) {
            return source;
        }
    }

    private static String accountKey(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_EMAIL_KEY ? key.substring(0, MAX_EMAIL_KEY) : key;
    }

    /** A source address alone ({@code account} null), or a source address and an e-mail. */
    private record Key(String source, String account) {}
}
