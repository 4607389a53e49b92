package br.com.vetric.reports.internal;

import br.com.vetric.platform.DatabaseProperties;
import br.com.vetric.reports.ReportsProperties;
import br.com.vetric.shared.CondominiumId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Report files on disk: {@code <storageDir>/<condominium id>/<random uuid>.<ext>}. Names are generated here, never
 * taken from the upload; the original name lives only in the database.
 */
@Component
public class ReportStorage {

    private final Path root;

    /** Files live in {@code vetric.reports.storage-dir}, by default the {@code reports} folder of VETRIC's data directory. */
    ReportStorage(ReportsProperties props, DatabaseProperties data) {
        String dir = props.storageDir() == null || props.storageDir().isBlank()
                ? Path.of(data.dataDir(), "reports").toString()
                : props.storageDir();
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    public record Stored(String storedName, String sha256, long size) {}

    public Stored store(CondominiumId condo, byte[] bytes, String extension) {
        String name = UUID.randomUUID() + "." + extension;
        Path dir = root.resolve(Long.toString(condo.value()));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store report file in " + dir, e);
        }
        return new Stored(name, sha256(bytes), bytes.length);
    }

    public Path path(CondominiumId condo, String storedName) {
        Path p = root.resolve(Long.toString(condo.value())).resolve(storedName).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("stored name escapes the storage folder");
        }
        return p;
    }

    public void delete(CondominiumId condo, String storedName) {
        try {
            Files.deleteIfExists(path(condo, storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
