package br.com.vetric.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param storageDir        where report files are kept, one folder per condominium, outside any served folder
 *                          ({@code VETRIC_REPORTS_DIR}, default {@code ${VETRIC_DATA_DIR:./data}/reports})
 * @param maxUploadBytes    the largest accepted upload (10 MB = 10,485,760 bytes; one byte more is refused with 413)
 * @param statementCron     when the previous month's statement is generated (São Paulo time; default 06:00 on the 1st)
 * @param statementSchedule whether the monthly job runs ({@code VETRIC_REPORTS_STATEMENT_SCHEDULE})
 */
@ConfigurationProperties("vetric.reports")
public record ReportsProperties(String storageDir, Long maxUploadBytes, String statementCron, Boolean statementSchedule) {

    public static final long TEN_MB = 10L * 1024 * 1024;

    public ReportsProperties {
        storageDir = storageDir == null || storageDir.isBlank() ? "./data/reports" : storageDir;
        maxUploadBytes = maxUploadBytes == null ? TEN_MB : maxUploadBytes;
        statementCron = statementCron == null || statementCron.isBlank() ? "0 0 6 1 * *" : statementCron;
        statementSchedule = statementSchedule == null || statementSchedule;
    }
}
