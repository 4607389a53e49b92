package br.com.vetric.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secrets key comes from: {@code VETRIC_SECRETS_KEY}, or (demo only) a key generated once into the data
 * directory. Outside the demo a missing key stops the start: a key generated on the fly would make the stored
 * secrets unreadable the day the file is lost, and nobody would know there was a file to back up.
 */
final class SecretsKey {

    static final String FILE_NAME = "secrets.key";
    static final int LENGTH = 32;
    private static final String HOW_TO = "set VETRIC_SECRETS_KEY to the base64 of 32 random bytes, e.g. the output of "
            + "`openssl rand -base64 32`";
    private static final Logger log = LoggerFactory.getLogger(SecretsKey.class);

    private SecretsKey() {}

    /**
     * @param configured the value of {@code VETRIC_SECRETS_KEY} (may be blank)
     * @param demo       whether VETRIC runs as the demo (no CVE-PRO configured)
     * @param dataDir    the data directory, where the demo keeps its generated key
     */
    static byte[] resolve(String configured, boolean demo, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, "VETRIC_SECRETS_KEY");
        }
        if (!demo) {
            throw new IllegalStateException("VETRIC_SECRETS_KEY is required when VETRIC_CPMS_URL is set (it encrypts "
                    + "the WhatsApp gateway keys stored in the database): " + HOW_TO
                    + ", and keep it with your backups");
        }
        return demoKey(dataDir.toAbsolutePath().normalize().resolve(FILE_NAME));
    }

    static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64: " + HOW_TO);
        }
        if (key.length != LENGTH) {
            throw new IllegalStateException(
                    source + " must be " + LENGTH + " bytes (it has " + key.length + "): " + HOW_TO);
        }
        return key;
    }

    /** Reads the demo key, or creates it: written to a temporary file, then linked into place only if absent. */
    private static byte[] demoKey(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(file.getParent(), ".secrets", ".tmp", ownerOnly(file.getParent()));
            try {
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, tmp); // atomic, and fails if another process got there first
                } catch (FileAlreadyExistsException e) {
                    return read(file);
                } catch (UnsupportedOperationException | IOException e) {
                    try {
                        Files.move(tmp, file); // no hard links here: never replaces an existing key either
                    } catch (FileAlreadyExistsException raced) {
                        return read(file);
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            log.info("Demo mode: generated the secrets key into {} (set VETRIC_SECRETS_KEY outside the demo)", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the demo secrets key " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream()
                    .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("The secrets key file {} can be read by other users: chmod 600 it", file);
            }
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII), "the secrets key file " + file);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
