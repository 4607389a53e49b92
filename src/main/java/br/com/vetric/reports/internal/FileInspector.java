package br.com.vetric.reports.internal;

import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.UploadRejectedException;
import br.com.vetric.reports.UploadRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * Decides an uploaded file's type from its bytes. Tika's magic detection picks the family (PDF, OOXML/zip, OLE2);
 * OOXML packages are then read entry by entry (with caps on entries, uncompressed bytes and compression ratio, so a
 * zip bomb is refused before it can inflate) to tell XLSX from DOCX and to refuse macros; OLE2 files are opened with
 * POI's POIFS to tell XLS from DOC and to refuse VBA storages. Executables (MZ, ELF, Mach-O) are refused whatever
 * their name.
 */
public final class FileInspector {

    static final int MAX_ZIP_ENTRIES = 2_000;
    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    static final long MAX_RATIO = 100;

    private static final Tika TIKA = new Tika();

    public record Inspection(ReportFormat format, String detectedType) {}

    private FileInspector() {}

    public static Inspection inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UploadRejectedException(Reason.EMPTY, "file", "the file is empty");
        }
        if (isExecutable(bytes)) {
            throw new UploadRejectedException(Reason.EXECUTABLE, "file", "the file is an executable program");
        }
        String detected = TIKA.detect(bytes);
        switch (detected) {
            case "application/pdf":
                return new Inspection(ReportFormat.PDF, detected);
            case "application/x-tika-ooxml",
                    "application/zip",
                    "application/x-tika-ooxml-protected",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.ms-excel.sheet.macroenabled.12",
                    "application/vnd.ms-word.document.macroenabled.12":
                return new Inspection(ooxml(bytes), detected);
            case "application/x-tika-msoffice",
                    "application/vnd.ms-excel",
                    "application/msword",
                    "application/x-tika-ooxml-protected-ole":
                return new Inspection(ole2(bytes), detected);
            default:
                if (detected.contains("executable")
                        || detected.contains("msdownload")
                        || detected.contains("x-sharedlib")
                        || detected.contains("mach-o")
                        || detected.contains("java-archive")) {
                    throw new UploadRejectedException(Reason.EXECUTABLE, "file", "the file is an executable program");
                }
                throw new UploadRejectedException(
                        Reason.UNSUPPORTED_TYPE,
                        "file",
                        "unsupported content type " + detected + "; accepted: PDF, XLSX, XLS, DOCX, DOC");
        }
    }

    static boolean isExecutable(byte[] b) {
        if (b.length >= 2 && b[0] == 'M' && b[1] == 'Z') {
            return true; // Windows PE / DOS
        }
        if (b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            return true;
        }
        if (b.length >= 4) {
            int magic = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            return magic == 0xFEEDFACE
                    || magic == 0xFEEDFACF
                    || magic == 0xCEFAEDFE
                    || magic == 0xCFFAEDFE
                    || magic == 0xCAFEBABE; // Mach-O (and universal binaries / Java classes)
        }
        return false;
    }

    private static ReportFormat ooxml(byte[] bytes) {
        Set<String> names = new HashSet<>();
        String contentTypes = null;
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            byte[] buf = new byte[8192];
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw bomb("too many entries");
                }
                String name = e.getName();
                names.add(name.toLowerCase(Locale.ROOT));
                boolean keep = name.equals("[Content_Types].xml");
                java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES || total > MAX_RATIO * Math.max(bytes.length, 64 * 1024)) {
                        throw bomb("uncompressed size exceeds the limit");
                    }
                    if (kept != null && kept.size() < 1_000_000) {
                        kept.write(buf, 0, n);
                    }
                }
                if (kept != null) {
                    contentTypes = kept.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (UploadRejectedException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRejectedException(Reason.UNSUPPORTED_TYPE, "file", "the file is a damaged zip package");
        }
        if (contentTypes == null) {
            throw new UploadRejectedException(
                    Reason.UNSUPPORTED_TYPE,
                    "file",
                    "a zip archive that is not an Office document; accepted: PDF, XLSX, XLS, DOCX, DOC");
        }
        String ct = contentTypes.toLowerCase(Locale.ROOT);
        if (names.stream().anyMatch(n -> n.endsWith("vbaproject.bin") || n.endsWith("vbadata.xml"))
                || ct.contains("macroenabled")
                || ct.contains("vbaproject")
                || ct.contains("ms-office.vbaproject")) {
            throw new UploadRejectedException(
                    Reason.MACROS, "file", "macro-enabled Office files (.xlsm, .docm) are not accepted");
        }
        if (names.contains("xl/workbook.xml") && ct.contains("spreadsheetml.sheet.main+xml")) {
            return ReportFormat.XLSX;
        }
        if (names.contains("word/document.xml") && ct.contains("wordprocessingml.document.main+xml")) {
            return ReportFormat.DOCX;
        }
        throw new UploadRejectedException(
                Reason.UNSUPPORTED_TYPE,
                "file",
                "an Office package that is neither a workbook (XLSX) nor a document (DOCX)");
    }

    private static ReportFormat ole2(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes);
                POIFSFileSystem fs = new POIFSFileSystem(in)) {
            DirectoryEntry root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw new UploadRejectedException(
                        Reason.ENCRYPTED, "file", "password-protected Office files are not accepted");
            }
            if (hasVba(root, 0)) {
                throw new UploadRejectedException(
                        Reason.MACROS, "file", "Office files with macros (VBA) are not accepted");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return ReportFormat.XLS;
            }
            if (root.hasEntry("WordDocument")) {
                return ReportFormat.DOC;
            }
        } catch (UploadRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UploadRejectedException(Reason.UNSUPPORTED_TYPE, "file", "the file is a damaged Office document");
        }
        throw new UploadRejectedException(
                Reason.UNSUPPORTED_TYPE,
                "file",
                "an OLE2 file that is neither an Excel workbook (XLS) nor a Word document (DOC)");
    }

    /** VBA lives in a "_VBA_PROJECT_CUR" (Excel) or "Macros" (Word) storage, holding a "VBA" storage. */
    private static boolean hasVba(DirectoryEntry dir, int depth) {
        if (depth > 4) {
            return false;
        }
        for (Entry e : dir) {
            String name = e.getName();
            if (name.equalsIgnoreCase("_VBA_PROJECT_CUR")
                    || name.equalsIgnoreCase("Macros")
                    || name.equalsIgnoreCase("_VBA_PROJECT")
                    || name.equalsIgnoreCase("VBA")) {
                return true;
            }
            if (e instanceof DirectoryEntry d && hasVba(d, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static UploadRejectedException bomb(String why) {
        return new UploadRejectedException(Reason.ZIP_BOMB, "file", "the Office package looks like a zip bomb: " + why);
    }

    /**
     * The original name reduced to a safe display name: last path segment only, no control or reserved characters,
     * at most 150 characters, and the extension of the detected type.
     */
    public static String sanitizeName(String original, ReportFormat format) {
        String name = original == null ? "" : original;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        name = name.replaceAll("^\\.+", "");
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        base = base.strip();
        if (base.isEmpty()) {
            base = "arquivo";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + format.extension();
    }
}
