package br.com.vetric.reports.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.reports.internal.TariffRejectedException.Problem;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PeakWindow;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tariffs a condominium's energy is priced with, each from its effective date: validated, stored, and read by
 * statements and pages.
 */
@Service
public class TariffService {

    private static final Logger log = LoggerFactory.getLogger(TariffService.class);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private final ReportRepository repository;
    private final Condominiums condominiums;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TariffService(
            ReportRepository repository,
            Condominiums condominiums,
            Sessions sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.condominiums = condominiums;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TariffSchedule schedule(CondominiumId condo) {
        return new TariffSchedule(repository.tariffs(condo));
    }

    /** The tariff in force today. */
    @Transactional(readOnly = true)
    public Tariff tariff(CondominiumId condo) {
        return schedule(condo).at(today(condo));
    }

    /** The period in force today, null when none is. */
    @Transactional(readOnly = true)
    public TariffPeriod current(CondominiumId condo) {
        return schedule(condo).periodAt(today(condo));
    }

    /** Whether the condominium has any tariff (in force or scheduled). */
    @Transactional(readOnly = true)
    public boolean tariffConfigured(CondominiumId condo) {
        return !repository.tariffs(condo).isEmpty();
    }

    /**
     * What a session's energy costs in a month, by the statement's rule ({@link EnergyPricing}). {@code energy} is
     * placed with today's tariff's peak window (as pages call {@code Sessions.energy}); when the month's tariffs use
     * other windows the session is placed again with them.
     */
    @Transactional(readOnly = true)
    public BigDecimal cost(CondominiumId condo, SessionEnergy energy, YearMonth month) {
        TariffSchedule schedule = schedule(condo);
        ZoneId zone = zone(condo);
        PeakWindow given = schedule.at(LocalDate.now(clock.withZone(zone))).peakWindow();
        Map<PeakWindow, SessionEnergy> placed = new HashMap<>();
        placed.put(given, energy);
        java.util.function.Function<PeakWindow, SessionEnergy> withWindow =
                window -> placed.computeIfAbsent(window, w -> placeAgain(condo, energy, w, zone));
        return EnergyPricing.price(withWindow.apply(schedule.referenceWindow(month)), withWindow, schedule, month)
                .cost();
    }

    private SessionEnergy placeAgain(CondominiumId condo, SessionEnergy energy, PeakWindow window, ZoneId zone) {
        Instant start = energy.session().startedAt();
        return sessions.energy(condo, start, start.plusMillis(1), window, zone).stream()
                .filter(e -> e.session().id() == energy.session().id())
                .findFirst()
                .orElse(energy);
    }

    /**
     * Validates (each price between 0 and 100 R$/kWh with at most 6 decimals, a peak window that ends after it starts,
     * a date between 2000 and 2100) and saves the tariff that applies from {@code effectiveFrom}, replacing one saved
     * for that same day. Without a date it applies from today, or, when it is the condominium's first tariff, to every
     * earlier month too (there was none before).
     */
    @Transactional
    public TariffPeriod saveTariff(CondominiumId condo, Tariff tariff, LocalDate effectiveFrom, Long userId) {
        Tariff normalized = validate(tariff);
        LocalDate from = effectiveFrom;
        if (from == null) {
            from = repository.tariffs(condo).isEmpty() ? TariffSchedule.BEGINNING : today(condo);
        }
        if (from.isBefore(TariffSchedule.BEGINNING) || from.isAfter(LAST_DAY)) {
            throw new TariffRejectedException(
                    "effectiveFrom", Problem.DATE_OUT_OF_RANGE, "must be a date between 2000-01-01 and 2100-12-31");
        }
        repository.saveTariff(condo, from, normalized, clock.instant(), userId);
        events.publishEvent(new TariffChanged(condo, from));
        log.info("Tariff of condominium {} from {} set to {} by user {}", condo, from, normalized.mode(), userId);
        return new TariffPeriod(from, normalized);
    }

    /** Removes the tariff saved for a day (the previous one then applies in its place). */
    @Transactional
    public void deleteTariff(CondominiumId condo, LocalDate effectiveFrom, Long userId) {
        if (repository.deleteTariff(condo, effectiveFrom) == 0) {
            throw new TariffRejectedException(
                    "effectiveFrom", Problem.NOT_FOUND, "no tariff applies from " + effectiveFrom);
        }
        events.publishEvent(new TariffChanged(condo, effectiveFrom));
        log.info("Tariff of condominium {} from {} removed by user {}", condo, effectiveFrom, userId);
    }

    static Tariff validate(Tariff tariff) {
        if (tariff == null || tariff.mode() == null) {
            throw new TariffRejectedException("mode", Problem.REQUIRED, "must be FLAT or TIME_OF_USE");
        }
        return switch (tariff.mode()) {
            case FLAT -> Tariff.flat(price("flatPrice", tariff.flatPrice()));
            case TIME_OF_USE -> {
                BigDecimal peak = price("peakPrice", tariff.peakPrice());
                BigDecimal off = price("offPeakPrice", tariff.offPeakPrice());
                LocalTime start = tariff.peakStart();
                LocalTime end = tariff.peakEnd();
                if (start == null) {
                    throw new TariffRejectedException("peakStart", Problem.REQUIRED, "is required (HH:mm)");
                }
                if (end == null) {
                    throw new TariffRejectedException("peakEnd", Problem.REQUIRED, "is required (HH:mm)");
                }
                if (!end.isAfter(start)) {
                    throw new TariffRejectedException(
                            "peakEnd",
                            Problem.END_NOT_AFTER_START,
                            "is required and must be after peakStart (exclusive end)");
                }
                yield Tariff.timeOfUse(
                        peak,
                        off,
                        start.withSecond(0).withNano(0),
                        end.withSecond(0).withNano(0));
            }
        };
    }

    private static BigDecimal price(String field, BigDecimal value) {
        if (value == null) {
            throw new TariffRejectedException(field, Problem.REQUIRED, "is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new TariffRejectedException(field, Problem.OUT_OF_RANGE, "must be between 0 and 100 R$/kWh");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new TariffRejectedException(field, Problem.TOO_MANY_DECIMALS, "must have at most 6 decimal places");
        }
        return value.setScale(Math.max(2, Math.max(0, value.stripTrailingZeros().scale())));
    }

    private LocalDate today(CondominiumId condo) {
        return LocalDate.now(clock.withZone(zone(condo)));
    }

    private ZoneId zone(CondominiumId condo) {
        return condominiums.find(condo).map(Condominium::zone).orElse(Zones.SAO_PAULO);
    }
}
