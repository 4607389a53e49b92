package br.com.vetric.sync;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.condominium.Limit;
import br.com.vetric.condominium.Plans;
import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.platform.SecretBox;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.ConnectionCache;
import br.com.vetric.sync.internal.ConnectionRepository;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CVE-PRO connections (one per CVE-PRO account) and where the chargers each account reports are assigned. A
 * charger belongs to one condominium at most; while unassigned it is in the ADMIN's inbox and no condominium sees it,
 * and its sessions wait in CVE-PRO: once assigned, the next poll of its connection reads its transactions again from
 * {@code backfill-window} before it was first seen, as if it had been assigned from the start.
 */
@Service
public class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    private static final int MAX_TEXT = 500;
    private static final int MAX_NAME = 200;

    private final ConnectionRepository repository;
    private final Condominiums condominiums;
    private final SecretBox secrets;
    private final ConnectionClients clients;
    private final SyncMonitor monitor;
    private final Duration backfillWindow;
    private final Clock clock;
    private final Plans plans;
    private final ConnectionCache cache;

    Connections(
            ConnectionRepository repository,
            Condominiums condominiums,
            Plans plans,
            SecretBox secrets,
            ConnectionClients clients,
            SyncMonitor monitor,
            CpmsProperties cpms,
            Clock clock,
            ConnectionCache cache) {
        this.repository = repository;
        this.cache = cache;
        this.condominiums = condominiums;
        this.plans = plans;
        this.secrets = secrets;
        this.clients = clients;
        this.monitor = monitor;
        this.backfillWindow = cpms.backfillWindow();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CpmsConnectionView> list() {
        return repository.all().stream().map(Connections::view).toList();
    }

    /** @throws NotFoundException when there is no such connection */
    @Transactional(readOnly = true)
    public CpmsConnectionView get(long id) {
        return view(stored(id));
    }

    /** Bad input: 400 naming the field; an account another connection already logs in to: 409. */
    @Transactional
    public CpmsConnectionView create(ConnectionCommand command) {
        String url = url(command.url());
        String email = required("email", command.email(), MAX_NAME);
        String apiKey = secret("apiKey", command.apiKey());
        String password = secret("password", command.password());
        existing("defaultCondominiumId", command.defaultCondominiumId());
        if (repository.accountTaken(url, email, 0)) {
            throw new ConflictException("email", "another connection already logs in to this account (same url)");
        }
        long id = repository.insert(
                url,
                secrets.encrypt(apiKey, ConnectionClients.API_KEY_CONTEXT),
                email,
                secrets.encrypt(password, ConnectionClients.PASSWORD_CONTEXT),
                command.defaultCondominiumId(),
                false,
                clock.instant());
        cache.changed(id);
        log.info("CVE-PRO connection {} added: {} as {}", id, url, email);
        return view(stored(id));
    }

    /** Changes the settings; a null apiKey or password keeps the stored one. Its poller logs in anew. */
    @Transactional
    public CpmsConnectionView update(long id, ConnectionCommand command) {
        Stored was = repository.lock(id).orElseThrow(() -> notFound(id));
        String url = url(command.url());
        String email = required("email", command.email(), MAX_NAME);
        String apiKey = command.apiKey() == null
                ? was.apiKey()
                : secrets.encrypt(secret("apiKey", command.apiKey()), ConnectionClients.API_KEY_CONTEXT);
        String password = command.password() == null
                ? was.password()
                : secrets.encrypt(secret("password", command.password()), ConnectionClients.PASSWORD_CONTEXT);
        existing("defaultCondominiumId", command.defaultCondominiumId());
        if (repository.accountTaken(url, email, id)) {
            throw new ConflictException("email", "another connection already logs in to this account (same url)");
        }
        repository.update(
                new Stored(
                        id,
                        url,
                        apiKey,
                        email,
                        password,
                        command.defaultCondominiumId(),
                        was.fromEnvironment(),
                        was.version(),
                        was.createdAt(),
                        was.updatedAt()),
                clock.instant());
        cache.changed(id);
        log.info("CVE-PRO connection {} changed: {} as {}", id, url, email);
        return view(stored(id));
    }

    /** Refused (409) while chargers of its account are assigned to a condominium: their records stay whole. */
    @Transactional
    public void delete(long id) {
        repository.lock(id).orElseThrow(() -> notFound(id));
        long assigned = repository.assignedChargers(id);
        if (assigned > 0) {
            throw new ConflictException(
                    "connection " + id + " still has " + assigned + " charger(s) assigned to a condominium");
        }
        repository.delete(id);
        cache.changed(id);
        clients.forget(id);
        monitor.forget(id);
        log.info("CVE-PRO connection {} deleted", id);
    }

    /** Every charger the connection's account has reported, and where each is assigned. */
    @Transactional(readOnly = true)
    public List<AccountCharger> chargers(long id) {
        stored(id);
        return repository.chargers(id);
    }

    /** The inbox: chargers no condominium has yet, oldest sighting first. */
    @Transactional(readOnly = true)
    public List<AccountCharger> unassigned() {
        return repository.unassigned();
    }

    /**
     * Assigns a charger to a condominium, naming it there (null: the name CVE-PRO reports). Assigning it again to
     * the same condominium renames it. Its waiting sessions are imported by the next poll of its connection.
     *
     * @throws NotFoundException      when no account reported the charger
     * @throws InvalidInputException  when the condominium does not exist (naming {@code condominiumId})
     * @throws ConflictException      when it is already assigned to another condominium
     */
    @Transactional
    public AccountCharger assign(String uuid, @Nullable CondominiumId condo, @Nullable String displayName) {
        if (condo == null) {
            throw new InvalidInputException("condominiumId", "is required");
        }
        existing("condominiumId", condo);
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidInputException("displayName", "must be at most " + MAX_NAME + " characters");
        }
        AccountCharger charger =
                repository.lockCharger(uuid).orElseThrow(() -> new NotFoundException("charger " + uuid + " not found"));
        if (charger.condominiumId() != null && !charger.condominiumId().equals(condo)) {
            throw new ConflictException(
                    "condominiumId",
                    "charger " + uuid + " is already assigned to condominium " + charger.condominiumId());
        }
        cache.changed(charger.connectionId());
        if (charger.condominiumId() == null) {
            // the plan's charger limit counts the chargers assigned to the condominium, polled yet or not
            plans.check(condo, Limit.CHARGERS, repository.assignedTo(condo));
            Instant now = clock.instant();
            repository.assign(uuid, condo, name, now, charger.firstSeenAt().minus(backfillWindow));
            log.info(
                    "Charger {} assigned to condominium {}: its waiting sessions come with the next poll", uuid, condo);
        } else {
            repository.rename(uuid, name);
        }
        return repository.lockCharger(uuid).orElseThrow();
    }

    /**
     * Chargers known before their account reports them (an installer's list, the demo): recorded on the connection and
     * assigned to the condominium, so the first poll applies them there. Chargers the connection already knows are
     * left as they are.
     */
    @Transactional
    public void expect(long connectionId, List<String> uuids, List<String> names, CondominiumId condo) {
        existing("condominiumId", condo);
        stored(connectionId);
        repository.discovered(connectionId, uuids, names, condo, clock.instant(), null);
        cache.changed(connectionId);
    }

    /** The connections that serve a condominium (by default, or through a charger assigned to it). */
    List<Stored> serving(CondominiumId condo) {
        List<Stored> all = cache.connections();
        List<Optional<Map<String, AccountCharger>>> inventories =
                all.stream().map(c -> cache.held(c.id())).toList();
        if (inventories.stream().allMatch(Optional::isPresent)) { // answered from memory
            List<Stored> serving = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Stored c = all.get(i);
                if (condo.equals(c.defaultCondominiumId())
                        || inventories.get(i).orElseThrow().values().stream()
                                .anyMatch(a -> condo.equals(a.condominiumId()))) {
                    serving.add(c);
                }
            }
            return serving;
        }
        return repository.serving(condo).stream()
                .map(cache::connection)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Every connection (held in memory while nothing changes them; see {@link ConnectionCache}). */
    List<Stored> all() {
        return cache.connections();
    }

    /**
     * Registers the account of {@code VETRIC_CPMS_URL} (or the demo's simulator) as the connection serving the
     * primary condominium, at every start: the first time, the chargers already known become its, assigned where they
     * are (an existing install keeps every record); later, a changed URL or secret updates it. Idempotent.
     */
    @Transactional
    public void registerEnvironmentAccount(CveProConnection account, CondominiumId primary) {
        String apiKey = secrets.encrypt(account.apiKey(), ConnectionClients.API_KEY_CONTEXT);
        String password = secrets.encrypt(account.password(), ConnectionClients.PASSWORD_CONTEXT);
        Instant now = clock.instant();
        cache.changedAll();
        Stored env = repository.fromEnvironment().orElse(null);
        if (env == null) {
            long id = repository.insert(account.baseUrl(), apiKey, account.email(), password, primary, true, now);
            int adopted = repository.adoptKnownChargers(id, now);
            log.info(
                    "CVE-PRO account {} registered as connection {} for condominium {} ({} known charger(s) assigned)",
                    account.baseUrl(),
                    id,
                    primary,
                    adopted);
            return;
        }
        boolean changed = !env.url().equals(account.baseUrl())
                || !env.email().equals(account.email())
                || !Objects.equals(secrets.decrypt(env.apiKey(), ConnectionClients.API_KEY_CONTEXT), account.apiKey())
                || !Objects.equals(
                        secrets.decrypt(env.password(), ConnectionClients.PASSWORD_CONTEXT), account.password());
        if (changed) {
            repository.update(
                    new Stored(
                            env.id(),
                            account.baseUrl(),
                            apiKey,
                            account.email(),
                            password,
                            env.defaultCondominiumId(),
                            true,
                            env.version(),
                            env.createdAt(),
                            env.updatedAt()),
                    now);
            log.info(
                    "CVE-PRO connection {} now reads {} as {} (from the environment)",
                    env.id(),
                    account.baseUrl(),
                    account.email());
        }
        repository.adoptKnownChargers(env.id(), now);
    }

    private Stored stored(long id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("connection " + id + " not found");
    }

    private void existing(String field, @Nullable CondominiumId condo) {
        if (condo != null && condominiums.find(condo).isEmpty()) {
            throw new InvalidInputException(field, "condominium " + condo + " does not exist");
        }
    }

    /** An absolute http(s) URL with a host and nothing after the path; stored without a trailing slash. */
    static String url(@Nullable String value) {
        String v = required("url", value, MAX_TEXT);
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("https")
                        || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidInputException(
                    "url", "must be an http(s) URL such as https://cs.intelbras-cve-pro.com.br");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return v;
    }

    /** A secret as typed (spaces are part of it), never empty. */
    private static String secret(String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static CpmsConnectionView view(Stored s) {
        return new CpmsConnectionView(
                s.id(),
                s.url(),
                s.email(),
                s.defaultCondominiumId(),
                s.fromEnvironment(),
                s.createdAt(),
                s.updatedAt());
    }
}
