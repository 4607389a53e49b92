package br.com.vetric.reports.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.platform.PtBrNumber;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.Statements;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.reports.internal.TariffRejectedException;
import br.com.vetric.reports.internal.TariffRejectedException.Problem;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Relatórios" page: the statements (latest version per month, earlier versions below it), the tariff in force
 * (read-only for everyone; the ADMIN changes it) and the uploaded documents; ADMIN upload, generation and closing.
 */
@Controller
class ReportsPageController {

    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final Documents documents;
    private final Statements statements;
    private final Tariffs tariffs;
    private final CurrentCondominium current;
    private final Clock clock;

    ReportsPageController(
            Documents documents, Statements statements, Tariffs tariffs, CurrentCondominium current, Clock clock) {
        this.documents = documents;
        this.statements = statements;
        this.tariffs = tariffs;
        this.current = current;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month,
            @RequestParam(required = false) Report.Kind kind,
            Model model) {
        CondominiumId condo = current.require();
        Report.Kind k = kind; // an unknown kind is a 400 page (Spring's type mismatch), no longer a 500
        boolean admin = ReportResponses.admin();
        List<Report> files = documents.list(condo, year, month, null, admin);
        YearMonth previous =
                YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
        model.addAttribute(
                "uploads",
                k == Report.Kind.STATEMENT
                        ? List.of()
                        : files.stream()
                                .filter(r -> r.kind() == Report.Kind.UPLOADED)
                                .toList());
        boolean included = statements.included(condo);
        model.addAttribute("statementsIncluded", included);
        model.addAttribute("planName", current.requireCondominium().plan().name());
        model.addAttribute(
                "statementMonths",
                k == Report.Kind.UPLOADED || !included
                        ? List.of()
                        : StatementMonth.of(statements.list(condo, year, month), files));
        model.addAttribute("year", year);
        model.addAttribute("month", month);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("admin", admin);
        model.addAttribute(
                "years",
                IntStream.rangeClosed(previous.getYear() - 4, previous.getYear() + 1)
                        .boxed()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        model.addAttribute("previousMonth", previous.toString());
        model.addAttribute("currentYear", previous.plusMonths(1).getYear());
        model.addAttribute("currentMonth", previous.getMonthValue());
        TariffPeriod now = tariffs.current(condo);
        LocalDate today = LocalDate.now(clock.withZone(Zones.SAO_PAULO));
        model.addAttribute("tariff", now == null ? Tariff.NOT_CONFIGURED : now.tariff());
        model.addAttribute("tariffPeriod", now);
        model.addAttribute("tariffConfigured", tariffs.configured(condo));
        List<TariffPeriod> history = tariffs.history(condo);
        model.addAttribute(
                "tariffsScheduled",
                history.stream().filter(p -> p.effectiveFrom().isAfter(today)).toList());
        model.addAttribute("tariffHistory", history.reversed());
        model.addAttribute("today", today.toString());
        model.addAttribute("maxUploadBytes", documents.maxUploadBytes());
        return "reports/index";
    }

    @GetMapping("/reports/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id) {
        return ReportResponses.download(documents.download(current.require(), id, ReportResponses.admin()));
    }

    /** The statement per apartment, for the building's administration. */
    @GetMapping("/reports/statements/{id}/units.csv")
    ResponseEntity<byte[]> unitsCsv(@PathVariable long id) {
        return ReportResponses.unitsCsv(statements, current.require(), id);
    }

    @PostMapping("/reports/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        try {
            documents.delete(current.require(), id);
            flash.addFlashAttribute("success", "reports.deleted");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "reports.delete.closed");
        }
        return "redirect:/reports";
    }

    @PostMapping("/reports/statements")
    @PreAuthorize("hasRole('ADMIN')")
    String generate(
            @RequestParam String month, @RequestParam(required = false) String close, RedirectAttributes flash) {
        YearMonth ym;
        try {
            ym = ReportApiController.month(month);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "reports.statement.invalidMonth");
            return "redirect:/reports";
        }
        try {
            if (close != null) {
                statements.close(current.require(), ym, ReportResponses.userId());
                flash.addFlashAttribute("success", "reports.statement.closed");
            } else {
                statements.generate(current.require(), ym, ReportResponses.userId());
                flash.addFlashAttribute("success", "reports.statement.generated");
            }
            return "redirect:/reports?year=" + ym.getYear() + "&month=" + ym.getMonthValue();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(
                    "error", close != null ? "reports.statement.closeNotOver" : "reports.statement.invalidMonth");
            return "redirect:/reports";
        }
    }

    @PostMapping("/reports/tariff")
    @PreAuthorize("hasRole('ADMIN')")
    String tariff(
            @RequestParam(required = false) Tariff.Mode mode,
            @RequestParam(required = false) String flatPrice,
            @RequestParam(required = false) String peakPrice,
            @RequestParam(required = false) String offPeakPrice,
            @RequestParam(required = false) String peakStart,
            @RequestParam(required = false) String peakEnd,
            @RequestParam(required = false) String effectiveFrom,
            RedirectAttributes flash) {
        try {
            Tariff t = new Tariff(
                    mode,
                    decimal("flatPrice", flatPrice),
                    decimal("peakPrice", peakPrice),
                    decimal("offPeakPrice", offPeakPrice),
                    time("peakStart", peakStart),
                    time("peakEnd", peakEnd));
            tariffs.save(current.require(), t, date("effectiveFrom", effectiveFrom), ReportResponses.userId());
            flash.addFlashAttribute("success", "reports.tariff.saved");
        } catch (TariffRejectedException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("mode", mode == null ? "" : mode.name());
            typed.put("flatPrice", flatPrice);
            typed.put("peakPrice", peakPrice);
            typed.put("offPeakPrice", offPeakPrice);
            typed.put("peakStart", peakStart);
            typed.put("peakEnd", peakEnd);
            typed.put("effectiveFrom", effectiveFrom);
            flash.addFlashAttribute(
                    "tariffError", "reports.tariff.error." + e.problem().name());
            flash.addFlashAttribute("tariffErrorField", e.field());
            flash.addFlashAttribute("tariffTyped", typed);
        }
        return "redirect:/reports#tariff";
    }

    @PostMapping("/reports/tariff/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String deleteTariff(@RequestParam String effectiveFrom, RedirectAttributes flash) {
        try {
            tariffs.delete(current.require(), date("effectiveFrom", effectiveFrom), ReportResponses.userId());
            flash.addFlashAttribute("success", "reports.tariff.deleted");
        } catch (TariffRejectedException e) {
            flash.addFlashAttribute(
                    "tariffError", "reports.tariff.error." + e.problem().name());
            flash.addFlashAttribute("tariffErrorField", e.field());
        }
        return "redirect:/reports#tariff";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "reports/not-found";
    }

    /** A price as typed in Brazil ("0,80", "R$ 0,80"); see {@link PtBrNumber}. */
    static BigDecimal decimal(String field, String value) {
        try {
            return PtBrNumber.parse(value);
        } catch (PtBrNumber.InvalidNumberException e) {
            throw new TariffRejectedException(
                    field,
                    e.problem() == PtBrNumber.Problem.AMBIGUOUS ? Problem.AMBIGUOUS_NUMBER : Problem.NOT_A_NUMBER,
                    e.getMessage());
        }
    }

    static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip().replace('h', ':'));
        } catch (DateTimeParseException e) {
            throw new TariffRejectedException(field, Problem.NOT_A_TIME, "is not a time (HH:mm)");
        }
    }

    /** "2026-11-01" (the date picker) or "01/11/2026" (typed); null when blank. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, TYPED_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new TariffRejectedException(field, Problem.NOT_A_DATE, "is not a date (yyyy-MM-dd)");
        }
    }
}
