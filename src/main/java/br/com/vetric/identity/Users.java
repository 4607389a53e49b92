package br.com.vetric.identity;

import br.com.vetric.identity.internal.UserRepository;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and password checks. A failed login never says whether the e-mail exists (failed logins are slowed
 * down per source address by the login throttle, never by locking the account). Each user has a credentials
 * version, bumped by a password change or reset and by a deactivation or reactivation: sessions and tokens made
 * under an older version are refused.
 */
@Service
public class Users {

    public static final String BAD_CREDENTIALS = "E-mail ou senha inválidos.";
    /** BCrypt reads at most 72 bytes of a password: longer ones are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MIN_PASSWORD_CHARS = 8;
    private static final Logger log = LoggerFactory.getLogger(Users.class);

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final String dummyHash;

    Users(UserRepository repository, PasswordEncoder encoder) {
        this.repository = repository;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /**
     * Checks e-mail and password.
     *
     * @throws BadCredentialsException with the same message whatever went wrong
     */
    @Transactional(readOnly = true)
    public AuthenticatedUser authenticate(String email, String password) {
        Optional<UserRepository.Row> found = email == null ? Optional.empty() : repository.findByEmail(email);
        boolean usable = password != null && !tooLong(password);
        if (found.isEmpty() || !usable) {
            encoder.matches(usable ? password : "", dummyHash); // same cost as a real check
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        UserRepository.Row user = found.get();
        boolean matches = encoder.matches(password, user.passwordHash());
        if (!user.active()) {
            log.info("Refused login of user {}: inactive", user.id());
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!matches) {
            log.info("Failed login for user {}", user.id());
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        return user.principal();
    }

    /** The user, when still active. */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findActive(long id) {
        return repository.findById(id).filter(UserRepository.Row::active).map(UserRepository.Row::principal);
    }

    /**
     * The user as stored now, when still active and their credentials unchanged since a session or token was made
     * under {@code credentialsVersion}.
     */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findValid(long id, int credentialsVersion) {
        return findActive(id).filter(u -> u.credentialsVersion() == credentialsVersion);
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
        checkPassword("password", password);
        if (repository.findByEmail(email).isPresent()) {
            throw new ConflictException("e-mail " + email.strip() + " is already in use");
        }
        long id = repository.insert(
                email, name.strip(), role, role == Role.ADMIN ? null : condominiumId, encoder.encode(password));
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

    /**
     * Changes one's own password; every earlier session and token of the user ends.
     *
     * @return the user under the new credentials version (for re-issuing the caller's own web session)
     */
    @Transactional
    public AuthenticatedUser changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserRepository.Row user =
                repository.findById(userId).orElseThrow(() -> new NotFoundException("user not found"));
        if (currentPassword == null
                || tooLong(currentPassword)
                || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "does not match the current password");
        }
        checkPassword("newPassword", newPassword);
        repository.setPassword(userId, encoder.encode(newPassword));
        log.info("User {} changed their password; their other sessions and tokens end", userId);
        return repository.findById(userId).orElseThrow().principal();
    }

    /** An administrator sets a user's password; every session and token of that user ends. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        repository.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
        checkPassword("password", newPassword);
        repository.setPassword(userId, encoder.encode(newPassword));
        log.info("Password of user {} reset by an administrator; their sessions and tokens end", userId);
    }

    /** Deactivates (every session and token ends) or reactivates (earlier sessions and tokens stay dead). */
    @Transactional
    public void setActive(long userId, boolean active) {
        repository.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
        repository.setActive(userId, active);
        log.info("User {} {}", userId, active ? "activated" : "deactivated; their sessions and tokens end");
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_CHARS) {
            throw new PasswordRejectedException(
                    field, "must have at least " + MIN_PASSWORD_CHARS + " characters", false);
        }
        if (tooLong(password)) {
            throw new PasswordRejectedException(
                    field, "must have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)", true);
        }
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
