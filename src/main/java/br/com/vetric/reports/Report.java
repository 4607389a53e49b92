package br.com.vetric.reports;

import java.time.Instant;

/** A stored report file: uploaded by the operator, or one file (PDF/XLSX) of a generated statement. */
public record Report(
        long id,
        Kind kind,
        String title,
        String description,
        int year,
        int month,
        Visibility visibility,
        ReportFormat format,
        String contentType,
        String originalName,
        long sizeBytes,
        String sha256,
        Long statementId,
        Integer statementVersion,
        boolean monthClosed,
        Instant createdAt) {

    public enum Kind {
        UPLOADED,
        STATEMENT
    }

    /** CONDOMINIUM: every user of the condominium; ADMINS: the operator only. */
    public enum Visibility {
        CONDOMINIUM,
        ADMINS
    }
}
