package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.internal.Consumption;
import br.com.vetric.dashboard.internal.ConsumptionService;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.Energy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/consumption?month=2026-01}: the same figures as the Consumo page. Energy in Wh (exact
 * integers) and kWh (3 decimals), with each apartment's peak and off-peak Wh. Each session's energy is placed in
 * time by the statement's rule: in proportion to the time the car was charging as VETRIC watched it, or to the
 * session's whole duration when it was not watched live ({@code attribution = "charging-time-else-duration"}). The
 * R$ ({@code totalCost}, {@code unidentifiedCost}, each apartment's {@code cost}) are the statement's: each session's
 * month priced with the condominium's tariff; null when it has none. {@code pendingSessions}: sessions whose energy
 * the charger reports only when they end (not in the figures yet).
 */
@RestController
@RequestMapping("/api/v1/consumption")
class ConsumptionApiController {

    private final ConsumptionService consumption;
    private final CurrentCondominium current;

    ConsumptionApiController(ConsumptionService consumption, CurrentCondominium current) {
        this.consumption = consumption;
        this.current = current;
    }

    /** The rule, named for integrators: see {@code SessionEnergy}. */
    static final String ATTRIBUTION = "charging-time-else-duration";

    @GetMapping
    ConsumptionJson month(@RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? consumption.currentMonth() : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month like 2026-01");
        }
        Consumption c = consumption.month(current.require(), m);
        return new ConsumptionJson(
                m.toString(),
                "America/Sao_Paulo",
                c.totalWh(),
                Energy.kwh(c.totalWh()),
                c.identifiedWh(),
                c.unidentifiedWh(),
                Energy.kwh(c.unidentifiedWh()),
                c.unidentifiedSessions(),
                c.sessions(),
                c.pendingSessions(),
                c.totalCost(),
                c.unidentifiedCost(),
                c.apartments().stream()
                        .map(a -> new ApartmentJson(
                                a.rank(),
                                a.apartment(),
                                a.energyWh(),
                                Energy.kwh(a.energyWh()),
                                a.peakWh(),
                                a.offPeakWh(),
                                a.sessions(),
                                a.cost()))
                        .toList(),
                c.days().stream()
                        .map(d -> new DayJson(d.date(), d.energyWh(), Energy.kwh(d.energyWh())))
                        .toList(),
                ATTRIBUTION);
    }

    record ConsumptionJson(
            String month,
            String zone,
            long totalWh,
            BigDecimal totalKwh,
            long identifiedWh,
            long unidentifiedWh,
            BigDecimal unidentifiedKwh,
            int unidentifiedSessions,
            int sessions,
            int pendingSessions,
            BigDecimal totalCost,
            BigDecimal unidentifiedCost,
            List<ApartmentJson> apartments,
            List<DayJson> days,
            String attribution) {}

    record ApartmentJson(
            int rank,
            String apartment,
            long energyWh,
            BigDecimal energyKwh,
            long peakWh,
            long offPeakWh,
            int sessions,
            BigDecimal cost) {}

    record DayJson(LocalDate date, long energyWh, BigDecimal energyKwh) {}
}
