package br.com.vetric.reports.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.Statements;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.springframework.core.io.Resource;
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

/** The "Relatórios" page: uploaded and generated reports together; ADMIN upload, statements and tariff. */
@Controller
class ReportsPageController {

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
        List<Report> list = documents.list(condo, year, month, k, admin);
        YearMonth previous =
                YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
        model.addAttribute("reports", list);
        model.addAttribute("year", year);
        model.addAttribute("month", month);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("admin", admin);
        model.addAttribute(
                "years",
                java.util.stream.IntStream.rangeClosed(previous.getYear() - 4, previous.getYear() + 1)
                        .boxed()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        model.addAttribute("previousMonth", previous.toString());
        model.addAttribute("currentYear", previous.plusMonths(1).getYear());
        model.addAttribute("currentMonth", previous.getMonthValue());
        model.addAttribute("tariff", tariffs.tariff(condo));
        model.addAttribute("tariffConfigured", tariffs.configured(condo));
        model.addAttribute("maxUploadBytes", documents.maxUploadBytes());
        return "reports/index";
    }

    @GetMapping("/reports/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id) {
        return ReportResponses.download(documents.download(current.require(), id, ReportResponses.admin()));
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
        try {
            YearMonth ym = ReportApiController.month(month);
            if (close != null) {
                statements.close(current.require(), ym, ReportResponses.userId());
                flash.addFlashAttribute("success", "reports.statement.closed");
            } else {
                statements.generate(current.require(), ym, ReportResponses.userId());
                flash.addFlashAttribute("success", "reports.statement.generated");
            }
            return "redirect:/reports?year=" + ym.getYear() + "&month=" + ym.getMonthValue();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "reports.statement.invalidMonth");
            return "redirect:/reports";
        }
    }

    @PostMapping("/reports/tariff")
    @PreAuthorize("hasRole('ADMIN')")
    String tariff(
            @RequestParam Tariff.Mode mode,
            @RequestParam(required = false) String flatPrice,
            @RequestParam(required = false) String peakPrice,
            @RequestParam(required = false) String offPeakPrice,
            @RequestParam(required = false) String peakStart,
            @RequestParam(required = false) String peakEnd,
            RedirectAttributes flash) {
        try {
            Tariff t = new Tariff(
                    mode,
                    decimal("flatPrice", flatPrice),
                    decimal("peakPrice", peakPrice),
                    decimal("offPeakPrice", offPeakPrice),
                    time("peakStart", peakStart),
                    time("peakEnd", peakEnd));
            tariffs.save(current.require(), t, ReportResponses.userId());
            flash.addFlashAttribute("success", "reports.tariff.saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "reports.tariff.invalid");
            flash.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/reports#tariff";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound() {
        return "reports/not-found";
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String v = value.strip();
            return new BigDecimal(v.contains(",") ? v.replace(".", "").replace(',', '.') : v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is not a number");
        }
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a time (HH:mm)");
        }
    }
}
