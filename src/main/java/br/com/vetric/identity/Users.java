package br.com.vetric.identity;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.internal.InvitationRepository;
import br.com.vetric.identity.internal.UserRepository;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, their condominiums and password checks. A failed login never says whether the e-mail exists (failed
 * logins are slowed down per source address by the login throttle, never by locking the account). Each user has a
 * credentials version, bumped by a password change or reset, a deactivation or reactivation and a change of role:
 * sessions and tokens made under an older version are refused. A CLIENTE whose condominiums are all deactivated is
 * refused too, with a message that says so (once the password matched). A user created without a password gets an
 * invitation: a one-time link that expires, whose token is stored only as its SHA-256.
 */
@Service
public class Users {

    public static final String BAD_CREDENTIALS = "E-mail ou senha inválidos.";
    /** BCrypt reads at most 72 bytes of a password: longer ones are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MIN_PASSWORD_CHARS = 8;
    static final int MAX_NAME = 200;
    private static final Logger log = LoggerFactory.getLogger(Users.class);

    private final UserRepository repository;
    private final InvitationRepository invitations;
    private final Condominiums condominiums;
    private final PasswordEncoder encoder;
    private final IdentityProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    Users(
            UserRepository repository,
            InvitationRepository invitations,
            Condominiums condominiums,
            PasswordEncoder encoder,
            IdentityProperties props,
            Clock clock) {
        this.repository = repository;
        this.invitations = invitations;
        this.condominiums = condominiums;
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /** A new account, and its invitation when it was created without a password (else null). */
    public record Created(UserAccount account, Invitation invitation) {}

    /**
     * Checks e-mail and password.
     *
     * @throws BadCredentialsException      with the same message whatever went wrong
     * @throws CondominiumInactiveException when the password is right but none of the CLIENTE's condominiums is active
     */
    @Transactional(readOnly = true)
    public AuthenticatedUser authenticate(String email, String password) {
        Optional<UserRepository.Row> found = email == null ? Optional.empty() : repository.findByEmail(email);
        boolean usable = password != null && !tooLong(password);
        if (found.isEmpty() || !usable || found.get().passwordHash() == null) {
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
        AuthenticatedUser principal = user.principal();
        if (!served(principal)) {
            log.info(
                    "Refused login of user {}: none of its condominiums {} is active",
                    user.id(),
                    user.condominiumIds());
            throw new CondominiumInactiveException();
        }
        return principal;
    }

    /** The user, when still active. */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findActive(long id) {
        return repository.findById(id).filter(UserRepository.Row::active).map(UserRepository.Row::principal);
    }

    /**
     * The user as stored now, when still active, their credentials unchanged since a session or token was made
     * under {@code credentialsVersion}, and (a CLIENTE) with at least one active condominium.
     */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findValid(long id, int credentialsVersion) {
        return findActive(id).filter(u -> u.credentialsVersion() == credentialsVersion && served(u));
    }

    /**
     * Whether a user VETRIC serves: an ADMIN, or a CLIENTE with at least one active condominium (a condominium's
     * deactivation refuses its CLIENTE accounts).
     */
    public boolean served(AuthenticatedUser user) {
        return user.role() == Role.ADMIN
                || user.condominiumIds().stream()
                        .anyMatch(id -> condominiums
                                .find(CondominiumId.of(id))
                                .map(Condominium::active)
                                .orElse(false));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.list();
    }

    /** @throws NotFoundException when there is no such user */
    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return repository
                .findById(id)
                .map(UserRepository.Row::account)
                .orElseThrow(() -> new NotFoundException("user " + id + " not found"));
    }

    /**
     * Creates an account with a password (required here). An ADMIN gets no condominium whatever
     * {@code condominiumId} says.
     */
    @Transactional
    public UserAccount create(String email, String name, Role role, Long condominiumId, String password) {
        checkPassword("password", password);
        List<Long> condos = role == Role.ADMIN || condominiumId == null ? List.of() : List.of(condominiumId);
        return create(new UserCommand(email, name, role.name(), condos, true, password))
                .account();
    }

    /**
     * Creates an account (the operator's API and page). Without a password the user gets an invitation link.
     *
     * @throws InvalidInputException naming the field (nothing is written)
     * @throws ConflictException     when another user has the e-mail
     */
    @Transactional
    public Created create(UserCommand command) {
        String email = checkEmail(command.email());
        String name = checkName(command.name());
        Role role = checkRole(command.role());
        List<Long> condos = checkCondominiums(role, command.condominiumIds());
        if (command.password() != null) {
            checkPassword("password", command.password());
        }
        if (repository.findByEmail(email).isPresent()) {
            throw emailTaken(email);
        }
        long id;
        try {
            id = repository.insert(
                    email,
                    name,
                    role,
                    command.active() == null || command.active(),
                    command.password() == null ? null : encoder.encode(command.password()));
        } catch (DuplicateKeyException e) {
            throw emailTaken(email);
        }
        repository.setMemberships(id, condos);
        Invitation invitation = command.password() == null ? newInvitation(id) : null;
        log.info(
                "User {} created with role {} in condominiums {}{}",
                id,
                role,
                condos,
                invitation == null ? "" : "; invited until " + invitation.expiresAt());
        return new Created(get(id), invitation);
    }

    /** Creates the account only when no account has that e-mail (never overwrites an admin's changes). */
    @Transactional
    public void ensure(String email, String name, Role role, Long condominiumId, String password) {
        if (repository.findByEmail(email).isEmpty()) {
            create(email, name, role, condominiumId, password);
        }
    }

    /**
     * Replaces a user's e-mail, name, role, condominiums and active flag (the caller merges a partial change onto
     * the stored account), and sets a new password when one is given. A change of role, a deactivation, a
     * reactivation or a new password ends the user's sessions and tokens; a change of condominiums takes effect on
     * their next request. An administrator cannot deactivate themself nor change their own role.
     *
     * @param actingUserId the administrator making the change
     * @throws NotFoundException     when there is no such user
     * @throws InvalidInputException naming the field (nothing is written)
     * @throws ConflictException     when another user has the e-mail
     */
    @Transactional
    public UserAccount update(long id, UserCommand command, long actingUserId) {
        UserRepository.Row before =
                repository.findById(id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
        String email = checkEmail(command.email());
        String name = checkName(command.name());
        Role role = checkRole(command.role());
        List<Long> condos = checkCondominiums(role, command.condominiumIds());
        boolean active = command.active() == null ? before.active() : command.active();
        if (command.password() != null) {
            checkPassword("password", command.password());
        }
        if (id == actingUserId && role != before.role()) {
            throw new InvalidInputException("role", "you cannot change your own role");
        }
        if (id == actingUserId && !active) {
            throw new InvalidInputException("active", "you cannot deactivate your own account");
        }
        if (repository.findByEmail(email).filter(other -> other.id() != id).isPresent()) {
            throw emailTaken(email);
        }
        try {
            repository.update(id, email, name, role);
        } catch (DuplicateKeyException e) {
            throw emailTaken(email);
        }
        repository.setMemberships(id, condos);
        if (active != before.active()) {
            repository.setActive(id, active);
        }
        if (command.password() != null) {
            repository.setPassword(id, encoder.encode(command.password()));
        }
        log.info(
                "User {} changed by administrator {}: role {}, condominiums {}, active {}{}",
                id,
                actingUserId,
                role,
                condos,
                active,
                command.password() == null ? "" : ", password reset");
        return get(id);
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
                || user.passwordHash() == null
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

    /** A new invitation link for the user; an earlier unused one stops working. */
    @Transactional
    public Invitation invite(long userId) {
        UserRepository.Row user =
                repository.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
        Invitation invitation = newInvitation(user.id());
        log.info("User {} invited again, until {}", userId, invitation.expiresAt());
        return invitation;
    }

    /** Who an invitation is for, while it can still be used (unused, not expired, the user active). */
    @Transactional(readOnly = true)
    public Optional<UserAccount> invitee(String token) {
        return openInvitation(token, false)
                .flatMap(open -> repository
                        .findById(open.userId())
                        .filter(UserRepository.Row::active)
                        .map(UserRepository.Row::account));
    }

    /**
     * The invitee chooses their password; the link cannot be used again, and the user logs in as usual.
     *
     * @throws NotFoundException      when the invitation is unknown, used, expired or its user inactive
     * @throws PasswordRejectedException when the password breaks a rule (the invitation stays usable)
     */
    @Transactional
    public UserAccount acceptInvitation(String token, String password) {
        InvitationRepository.Open open = openInvitation(token, true)
                .orElseThrow(() -> new NotFoundException("invitation not found, used or expired"));
        UserRepository.Row user = repository
                .findById(open.userId())
                .filter(UserRepository.Row::active)
                .orElseThrow(() -> new NotFoundException("invitation not found, used or expired"));
        checkPassword("password", password);
        repository.setPassword(user.id(), encoder.encode(password));
        invitations.markUsed(open.id(), clock.instant());
        log.info("User {} chose their password through an invitation", user.id());
        return get(user.id());
    }

    private Optional<InvitationRepository.Open> openInvitation(String token, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return invitations
                .findOpen(sha256(token), lock)
                .filter(o -> o.expiresAt().isAfter(clock.instant()));
    }

    private Invitation newInvitation(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(props.invitationTtl());
        invitations.replace(userId, sha256(token), expires);
        return new Invitation(userId, token, expires);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checkEmail(String email) {
        if (email == null || email.strip().length() > 254 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "is not a valid e-mail address");
        }
        return email.strip();
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("name", "must have at most " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    private static Role checkRole(String role) {
        if (role == null || role.isBlank()) {
            throw new InvalidInputException("role", "is required: ADMIN or CLIENTE");
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be ADMIN or CLIENTE");
        }
    }

    /** A CLIENTE's condominiums: at least one, each existing (active or not); an ADMIN has none. */
    private List<Long> checkCondominiums(Role role, List<Long> ids) {
        if (role == Role.ADMIN) {
            if (!ids.isEmpty()) {
                throw new InvalidInputException(
                        "condominiumIds", "must be empty for an ADMIN (an ADMIN sees every condominium)");
            }
            return List.of();
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException("condominiumIds", "is required for a CLIENTE: at least one condominium");
        }
        for (Long id : ids) {
            if (id == null || id <= 0 || condominiums.find(CondominiumId.of(id)).isEmpty()) {
                throw new InvalidInputException("condominiumIds", "condominium " + id + " does not exist");
            }
        }
        return ids.stream().distinct().sorted().toList();
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("email", "e-mail " + email + " is already in use");
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
