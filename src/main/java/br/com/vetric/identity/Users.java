package br.com.vetric.identity;

import br.com.vetric.identity.internal.UserRepository;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and password checks. A failed login never says whether the e-mail exists; after
 * {@code maxFailedLogins} failures in a row the account is locked for a while.
 */
@Service
public class Users {

    public static final String BAD_CREDENTIALS = "E-mail ou senha inválidos.";
    private static final Logger log = LoggerFactory.getLogger(Users.class);

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final IdentityProperties props;
    private final Clock clock;
    private final String dummyHash;

    Users(UserRepository repository, PasswordEncoder encoder, IdentityProperties props, Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /**
     * Checks e-mail and password.
     *
     * @throws BadCredentialsException with the same message whatever went wrong
     */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public AuthenticatedUser authenticate(String email, String password) {
        Instant now = clock.instant();
        Optional<UserRepository.Row> found = email == null ? Optional.empty() : repository.findByEmail(email);
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash); // same cost as a real check
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        UserRepository.Row user = found.get();
        boolean matches = password != null && encoder.matches(password, user.passwordHash());
        if (!user.active() || user.lockedAt(now)) {
            log.info("Refused login of user {}: {}", user.id(), user.active() ? "locked" : "inactive");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!matches) {
            repository.recordFailure(user.id(), props.maxFailedLogins(), now.plus(props.lockout()));
            log.info("Failed login for user {}", user.id());
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        repository.recordSuccess(user.id());
        return user.principal(now);
    }

    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findActive(long id) {
        return repository.findById(id).filter(UserRepository.Row::active).map(r -> r.principal(clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.list();
    }

    @Transactional
    public UserAccount create(String email, String name, Role role, Long condominiumId, String password) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "is not a valid e-mail address");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (role == Role.CLIENTE && condominiumId == null) {
            throw new InvalidInputException("condominiumId", "is required for a CLIENTE");
        }
        checkPassword(password);
        if (repository.findByEmail(email).isPresent()) {
            throw new ConflictException("e-mail " + email.strip() + " is already in use");
        }
        long id = repository.insert(email, name.strip(), role, role == Role.ADMIN ? null : condominiumId,
                encoder.encode(password));
        log.info("User {} created with role {}", id, role);
        return repository.findById(id).orElseThrow().account();
    }

    /** Creates the account only when no account has that e-mail (never overwrites an admin's changes). */
    @Transactional
    public void ensure(String email, String name, Role role, Long condominiumId, String password) {
        if (repository.findByEmail(email).isEmpty()) {
            create(email, name, role, condominiumId, password);
        }
    }

    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserRepository.Row user = repository.findById(userId).orElseThrow(() -> new NotFoundException("user not found"));
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "does not match the current password");
        }
        checkPassword(newPassword);
        repository.setPassword(userId, encoder.encode(newPassword));
        log.info("User {} changed their password", userId);
    }

    @Transactional
    public void resetPassword(long userId, String newPassword) {
        repository.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
        checkPassword(newPassword);
        repository.setPassword(userId, encoder.encode(newPassword));
        log.info("Password of user {} reset by an administrator", userId);
    }

    @Transactional
    public void setActive(long userId, boolean active) {
        repository.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
        repository.setActive(userId, active);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("password", "must have at least 8 characters");
        }
    }
}
