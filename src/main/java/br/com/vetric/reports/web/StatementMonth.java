package br.com.vetric.reports.web;

import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A month's statements as the page shows them: the latest version, and the earlier ones still downloadable. */
record StatementMonth(YearMonth month, Version latest, List<Version> earlier) {

    /** A statement version and its files (either may be missing if an administrator deleted it). */
    record Version(Statement statement, Report pdf, Report xlsx) {}

    /** Groups the versions (newest month and version first) with their files. */
    static List<StatementMonth> of(List<Statement> statements, List<Report> files) {
        Map<Long, Report> pdf = new LinkedHashMap<>();
        Map<Long, Report> xlsx = new LinkedHashMap<>();
        for (Report r : files) {
            if (r.statementId() != null) {
                (r.format() == ReportFormat.PDF ? pdf : xlsx).putIfAbsent(r.statementId(), r);
            }
        }
        Map<YearMonth, List<Version>> months = new LinkedHashMap<>();
        for (Statement s : statements) {
            months.computeIfAbsent(s.yearMonth(), m -> new ArrayList<>())
                    .add(new Version(s, pdf.get(s.id()), xlsx.get(s.id())));
        }
        List<StatementMonth> result = new ArrayList<>();
        months.forEach((m, versions) ->
                result.add(new StatementMonth(m, versions.getFirst(), versions.subList(1, versions.size()))));
        return result;
    }
}
