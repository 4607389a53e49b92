package br.com.vetric.residentapp.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.residentapp.ResidentAppProperties;
import br.com.vetric.residentapp.internal.AppRepository.Candidate;
import br.com.vetric.shared.Phones;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's sign-in by a code sent to their phone. The phone is looked up in every condominium (nobody is signed in
 * yet), so this work runs across all condominiums, reading residents by phone and codes by phone only. A code is 6
 * digits, kept as a bcrypt hash, good for {@code codeTtl}, once, and void after {@code wrongTries} wrong tries or when
 * a newer one is sent. Codes and phones are never logged in full.
 */
@Service
public class SignIn implements ResidentPrincipals {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    private static final String ACROSS =
            "a resident signing in is found by phone among every condominium's residents before any scope exists";

    private final AppRepository repository;
    private final Notifications notifications;
    private final PasswordEncoder encoder;
    private final SourceThrottle throttle;
    private final ResidentAppProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    SignIn(
            AppRepository repository,
            Notifications notifications,
            PasswordEncoder encoder,
            SourceThrottle throttle,
            ResidentAppProperties props,
            TransactionTemplate tx,
            Clock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.encoder = encoder;
        this.throttle = throttle;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = encoder.encode("000000");
    }

    /** The outcome of a token request. */
    public sealed interface Outcome {
        /** Signed in. */
        record SignedIn(AuthenticatedUser resident) implements Outcome {}

        /** A wrong, used, void or expired code (or none asked for this phone). */
        record Refused() implements Outcome {}

        /** The code is right and the phone is a resident's in several condominiums: name one. */
        record ChooseCondominium(List<Choice> choices) implements Outcome {}
    }

    public record Choice(long condominiumId, String condominiumName) {}

    /**
     * Sends a code when {@code rawPhone} is a resident's who may sign in, and the phone was not sent too many codes
     * lately; otherwise nothing, and the caller answers the same.
     *
     * @throws InvalidInputException     naming {@code phone} when it is not a phone number
     * @throws SignInThrottledException when this address asked too often
     */
    public void requestCode(@Nullable String source, @Nullable String rawPhone) {
        String phone = phone(rawPhone);
        throttle.take(source, SourceThrottle.Action.CODE);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        boolean enqueued = Tenancy.acrossAll(
                ACROSS,
                () -> Boolean.TRUE.equals(tx.execute(s -> {
                    Instant now = clock.instant();
                    List<Candidate> candidates = repository.candidates(phone);
                    if (candidates.isEmpty()) {
                        encoder.encode(code); // the same work as for a resident's phone
                        log.info("Sign-in code asked for {}: no resident may sign in with it", Phones.mask(phone));
                        return false;
                    }
                    if (repository.codesSince(phone, now.minus(props.codeWindow())) >= props.codesPerPhone()) {
                        encoder.encode(code);
                        log.info(
                                "Sign-in code asked for {}: already {} code(s) within {}, none sent",
                                Phones.mask(phone),
                                props.codesPerPhone(),
                                props.codeWindow());
                        return false;
                    }
                    Candidate first = candidates.getFirst(); // the oldest condominium's gateway sends it
                    long id = repository.insertCode(
                            first.condo(), phone, encoder.encode(code), now.plus(props.codeTtl()), now);
                    boolean waiting = notifications.enqueueSignInCode(
                            first.condo(),
                            id,
                            first.residentId(),
                            first.name(),
                            phone,
                            first.condominiumName(),
                            code,
                            now);
                    log.info(
                            "Sign-in code {} for {} (resident {}, condominium {}) {}",
                            id,
                            Phones.mask(phone),
                            first.residentId(),
                            first.condo(),
                            waiting ? "enqueued" : "not sent: its template is disabled");
                    return waiting;
                })));
        if (enqueued) { // now, not at the next tick: the resident is waiting for it
            Thread.ofVirtual().name("sign-in-code-delivery").start(() -> {
                try {
                    Tenancy.acrossAll("delivering a sign-in code", notifications::deliverPending);
                } catch (RuntimeException e) {
                    log.warn("Delivering a sign-in code failed; the next tick tries again", e);
                }
            });
        }
    }

    /**
     * Checks a code. A wrong one counts against it (and is remembered even though the answer is a refusal).
     *
     * @param condominiumId the condominium to sign in to, when the phone is a resident's in several (else null)
     * @throws SignInThrottledException when this address tried too often
     */
    public Outcome signIn(
            @Nullable String source, @Nullable String rawPhone, @Nullable String code, @Nullable Long condominiumId) {
        String phone = phone(rawPhone);
        throttle.take(source, SourceThrottle.Action.TOKEN);
        String typed = code == null ? "" : code.strip();
        return Tenancy.acrossAll(
                ACROSS,
                () -> tx.execute(s -> {
                    Instant now = clock.instant();
                    Optional<AppRepository.LiveCode> live = repository.liveCode(phone, now);
                    if (live.isEmpty() || !typed.matches("\\d{6}")) {
                        encoder.matches(typed, dummyHash);
                        if (live.isPresent()) {
                            repository.wrongTry(live.get().id(), props.wrongTries(), now);
                        }
                        log.info("Sign-in refused for {}: no live code or malformed code", Phones.mask(phone));
                        return new Outcome.Refused();
                    }
                    if (!encoder.matches(typed, live.get().hash())) {
                        int tries = repository.wrongTry(live.get().id(), props.wrongTries(), now);
                        log.info(
                                "Sign-in refused for {}: wrong code (try {} of {} on code {})",
                                Phones.mask(phone),
                                tries,
                                props.wrongTries(),
                                live.get().id());
                        return new Outcome.Refused();
                    }
                    List<Candidate> candidates = repository.candidates(phone);
                    if (condominiumId != null) {
                        candidates = candidates.stream()
                                .filter(c -> c.condo().value() == condominiumId)
                                .toList();
                    }
                    if (candidates.isEmpty()) {
                        log.info(
                                "Sign-in refused for {}: no resident may sign in (in that condominium)",
                                Phones.mask(phone));
                        return new Outcome.Refused();
                    }
                    List<Choice> choices = candidates.stream()
                            .map(c -> new Choice(c.condo().value(), c.condominiumName()))
                            .distinct()
                            .toList();
                    if (choices.size() > 1) {
                        return new Outcome.ChooseCondominium(choices);
                    }
                    if (!repository.use(live.get().id(), now)) {
                        return new Outcome.Refused();
                    }
                    Candidate c = candidates.getFirst(); // two residents of one condominium sharing a phone: the first
                    repository.markActivated(c.residentId(), now);
                    log.info("Resident {} signed in to the app (condominium {})", c.residentId(), c.condo());
                    return new Outcome.SignedIn(ResidentPrincipals.principal(
                            c.residentId(), c.name(), c.condo().value(), c.version()));
                }));
    }

    /** Checked on every request of a resident: one primary-key read. */
    @Override
    public Optional<AuthenticatedUser> findValid(long residentId, int version) {
        return Tenancy.acrossAll(
                "a resident's token or session is checked before its condominium scope exists",
                () -> repository.principal(residentId, version));
    }

    private static String phone(@Nullable String raw) {
        try {
            return Phones.toE164(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("phone", "must be a phone number, as (11) 98765-4321 or +5511987654321");
        }
    }
}
