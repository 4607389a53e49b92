package br.com.vetric.reports;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param storageDir        where report files are kept, one folder per condominium, outside any served folder
 *                          ({@code VETRIC_REPORTS_DIR}, default {@code ${VETRIC_DATA_DIR:./data}/reports})
 * @param maxUploadBytes    the largest accepted upload (10 MB = 10,485,760 bytes; one byte more is refused with 413)
 * @param statementCron     when VETRIC looks for condominiums whose month ended, in their own time zone, without a
 *                          statement (default hourly at minute 5: 00:05 on the 1st in São Paulo, 00:05 in Manaus an
 *                          hour later); it generates the previous month's statement of each such active condominium
 * @param statementSchedule whether the monthly job runs ({@code VETRIC_REPORTS_STATEMENT_SCHEDULE}), and the
 *                          periodic check for outdated statements
 * @param outdatedCheckInterval how often the latest statements of the current and previous months are computed again
 *                          to tell whether a late correction made them outdated (tag assignments, finished sessions
 *                          and tariff changes are noticed at once)
 */
@Validated
@ConfigurationProperties("vetric.reports")
public record ReportsProperties(
        String storageDir,
        @DefaultValue("10485760") @Min(1) long maxUploadBytes,
        @DefaultValue("0 5 * * * *") @NotBlank String statementCron,
        @DefaultValue("true") boolean statementSchedule,
        @DefaultValue("true") boolean catchUpOnStart,
        @DefaultValue("15m") @NotNull Duration outdatedCheckInterval) {

    public static final long TEN_MB = 10L * 1024 * 1024;
}
