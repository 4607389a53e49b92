package br.com.vetric.reports;

import br.com.vetric.reports.internal.DocumentService;
import br.com.vetric.shared.CondominiumId;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The report files of a condominium: documents the operator uploads and the files of generated statements. Callers
 * pass the condominium the request acts on and whether the caller is an administrator (who also sees ADMINS-only
 * documents); a report of another condominium, or one the caller may not see, is "not found".
 */
@Service
public class Documents {

    private final DocumentService documents;

    Documents(DocumentService documents) {
        this.documents = documents;
    }

    /** A report's file, ready to be streamed. */
    public record Download(Report report, Path path) {}

    public List<Report> list(CondominiumId condo, Integer year, Integer month, Report.Kind kind, boolean admin) {
        return documents.list(condo, year, month, kind, admin);
    }

    public Report get(CondominiumId condo, long id, boolean admin) {
        return documents.get(condo, id, admin);
    }

    public Download download(CondominiumId condo, long id, boolean admin) {
        DocumentService.Download d = documents.download(condo, id, admin);
        return new Download(d.report(), d.path());
    }

    /**
     * Validates (size, type from content, no macros, no executables, no zip bombs) and stores an uploaded file.
     *
     * @throws UploadRejectedException when the file or its metadata is refused
     */
    public Report upload(CondominiumId condo, UploadCommand cmd, byte[] bytes, Long userId) {
        return documents.upload(condo, cmd, bytes, userId);
    }

    /** The refusal of a file over the size limit (also used before the body is read). */
    public UploadRejectedException tooLarge() {
        return documents.tooLarge();
    }

    public long maxUploadBytes() {
        return documents.maxUploadBytes();
    }

    /**
     * Deletes a report: an upload, or a file of a statement version of a month not yet closed (a closed month's files
     * are kept).
     */
    public void delete(CondominiumId condo, long id) {
        documents.delete(condo, id);
    }
}
