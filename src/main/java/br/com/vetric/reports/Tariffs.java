package br.com.vetric.reports;

import br.com.vetric.reports.internal.TariffService;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * How each condominium prices energy (flat, or time-of-use with a peak window), each tariff from its effective date;
 * {@link Tariff#NOT_CONFIGURED} on days no tariff applies to.
 */
@Service
public class Tariffs {

    private final TariffService tariffs;

    Tariffs(TariffService tariffs) {
        this.tariffs = tariffs;
    }

    /** The tariff in force today. */
    public Tariff tariff(CondominiumId condo) {
        return tariffs.tariff(condo);
    }

    /** The tariff in force today and the day it applies from; null when none is in force. */
    public TariffPeriod current(CondominiumId condo) {
        return tariffs.current(condo);
    }

    /** Every tariff of the condominium, by effective date (earlier ones, the one in force, scheduled ones). */
    public List<TariffPeriod> history(CondominiumId condo) {
        return tariffs.schedule(condo).periods();
    }

    /** Whether the condominium has any tariff (in force or scheduled). */
    public boolean configured(CondominiumId condo) {
        return tariffs.tariffConfigured(condo);
    }

    /**
     * What a session's energy costs in a month (its shares in that month, each day priced with the tariff in force
     * that day), by the statement's rule: the same R$ the statement shows for that session. {@code energy} is the
     * session placed with today's tariff's peak window ({@code tariff(condo).peakWindow()}).
     */
    public BigDecimal cost(CondominiumId condo, SessionEnergy energy, YearMonth month) {
        return tariffs.cost(condo, energy, month);
    }

    /**
     * Validates (each price between 0 and 100 R$/kWh, a peak window that ends after it starts) and saves a tariff that
     * applies from today (a condominium's first tariff: from always).
     */
    public Tariff save(CondominiumId condo, Tariff tariff, Long userId) {
        return tariffs.saveTariff(condo, tariff, null, userId).tariff();
    }

    /**
     * Saves a tariff that applies from {@code effectiveFrom} (null: as {@link #save(CondominiumId, Tariff, Long)}),
     * replacing one saved for the same day. Statements of the months it changes become outdated.
     */
    public TariffPeriod save(CondominiumId condo, Tariff tariff, LocalDate effectiveFrom, Long userId) {
        return tariffs.saveTariff(condo, tariff, effectiveFrom, userId);
    }

    /** Removes the tariff that applies from a day; the one before it then applies in its place. */
    public void delete(CondominiumId condo, LocalDate effectiveFrom, Long userId) {
        tariffs.deleteTariff(condo, effectiveFrom, userId);
    }
}
