package br.com.vetric.reports;

import br.com.vetric.reports.internal.TariffService;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.stereotype.Service;

/** How each condominium prices energy (flat, or time-of-use with a peak window); {@link Tariff#NOT_CONFIGURED} when unset. */
@Service
public class Tariffs {

    private final TariffService tariffs;

    Tariffs(TariffService tariffs) {
        this.tariffs = tariffs;
    }

    public Tariff tariff(CondominiumId condo) {
        return tariffs.tariff(condo);
    }

    public boolean configured(CondominiumId condo) {
        return tariffs.tariffConfigured(condo);
    }

    /**
     * What a session's energy costs in a month (its shares in that month, priced with the condominium's tariff), by
     * the statement's rule: the same R$ the statement shows for that session.
     */
    public BigDecimal cost(CondominiumId condo, SessionEnergy energy, YearMonth month) {
        return tariffs.tariff(condo).cost(energy.peakWh(month), energy.offPeakWh(month));
    }

    /** Validates (each price between 0 and 100 R$/kWh, a peak window that ends after it starts) and saves. */
    public Tariff save(CondominiumId condo, Tariff tariff, Long userId) {
        return tariffs.saveTariff(condo, tariff, userId);
    }
}
