package br.com.vetric.reports.internal;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.reports.Tariff;
import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tariff a condominium's energy is priced with: validated, stored, and read by statements and pages. */
@Service
public class TariffService {

    private static final Logger log = LoggerFactory.getLogger(TariffService.class);

    private final ReportRepository repository;
    private final Clock clock;

    TariffService(ReportRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Tariff tariff(CondominiumId condo) {
        return repository.tariff(condo).orElse(Tariff.NOT_CONFIGURED);
    }

    @Transactional(readOnly = true)
    public boolean tariffConfigured(CondominiumId condo) {
        return repository.tariff(condo).isPresent();
    }

    @Transactional
    public Tariff saveTariff(CondominiumId condo, Tariff tariff, Long userId) {
        if (tariff == null || tariff.mode() == null) {
            throw new InvalidInputException("mode", "must be FLAT or TIME_OF_USE");
        }
        Tariff normalized = switch (tariff.mode()) {
            case FLAT -> Tariff.flat(price("flatPrice", tariff.flatPrice()));
            case TIME_OF_USE -> {
                BigDecimal peak = price("peakPrice", tariff.peakPrice());
                BigDecimal off = price("offPeakPrice", tariff.offPeakPrice());
                LocalTime start = tariff.peakStart();
                LocalTime end = tariff.peakEnd();
                if (start == null) {
                    throw new InvalidInputException("peakStart", "is required (HH:mm)");
                }
                if (end == null || !end.isAfter(start)) {
                    throw new InvalidInputException(
                            "peakEnd", "is required and must be after peakStart (exclusive end)");
                }
                yield Tariff.timeOfUse(
                        peak,
                        off,
                        start.withSecond(0).withNano(0),
                        end.withSecond(0).withNano(0));
            }
        };
        repository.saveTariff(condo, normalized, clock.instant(), userId);
        log.info("Tariff of condominium {} set to {} by user {}", condo, normalized.mode(), userId);
        return normalized;
    }

    private static BigDecimal price(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException(field, "must be between 0 and 100 R$/kWh");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new InvalidInputException(field, "must have at most 6 decimal places");
        }
        return value.setScale(Math.max(2, Math.max(0, value.stripTrailingZeros().scale())));
    }
}
