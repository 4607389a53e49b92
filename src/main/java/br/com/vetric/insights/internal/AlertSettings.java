package br.com.vetric.insights.internal;

import br.com.vetric.platform.InvalidInputException;
import java.math.BigDecimal;

/**
 * What a condominium's managers chose for the alerts on unusual patterns: each kind on or off, and its threshold.
 *
 * @param consumptionZ       how many robust standard deviations (scaled MADs, and counting noise) an apartment's month
 *                           to date must be above its usual (1.0 to 20.0; default 4.0)
 * @param abnormalEndsSigmas how many Poisson standard deviations a charger's abnormal ends must be above what the
 *                           condominium's rate gives it (1.0 to 20.0; default 3.0)
 * @param lowEnergyPercent   a session is "low energy" when its average power is under this percentage of the
 *                           condominium's median (1 to 90; default 20)
 * @param unknownTagUses     an unknown tag is reported from this many uses (2 to 1000; default 3)
 */
public record AlertSettings(
        boolean consumptionEnabled,
        BigDecimal consumptionZ,
        boolean abnormalEndsEnabled,
        BigDecimal abnormalEndsSigmas,
        boolean lowEnergyEnabled,
        int lowEnergyPercent,
        boolean unknownTagEnabled,
        int unknownTagUses) {

    public static final AlertSettings DEFAULT = new AlertSettings(
            true,
            BigDecimal.valueOf(Unusual.MAD_FACTOR).setScale(1),
            true,
            new BigDecimal("3.0"),
            true,
            (int) Math.round(Unusual.LOW_POWER_SHARE * 100),
            true,
            Unusual.MIN_UNKNOWN_USES);

    /** Refuses a threshold out of its range, naming the field (400). */
    public AlertSettings validated() {
        range("consumptionZ", consumptionZ, "1.0", "20.0");
        range("abnormalEndsSigmas", abnormalEndsSigmas, "1.0", "20.0");
        if (lowEnergyPercent < 1 || lowEnergyPercent > 90) {
            throw new InvalidInputException("lowEnergyPercent", "must be between 1 and 90");
        }
        if (unknownTagUses < 2 || unknownTagUses > 1000) {
            throw new InvalidInputException("unknownTagUses", "must be between 2 and 1000");
        }
        return new AlertSettings(
                consumptionEnabled,
                consumptionZ.setScale(1, java.math.RoundingMode.HALF_UP),
                abnormalEndsEnabled,
                abnormalEndsSigmas.setScale(1, java.math.RoundingMode.HALF_UP),
                lowEnergyEnabled,
                lowEnergyPercent,
                unknownTagEnabled,
                unknownTagUses);
    }

    private static void range(String field, BigDecimal value, String min, String max) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
    }

    public boolean enabled(Unusual.Kind kind) {
        return switch (kind) {
            case CONSUMPTION_ABOVE_USUAL -> consumptionEnabled;
            case ABNORMAL_ENDS_ABOVE_USUAL -> abnormalEndsEnabled;
            case LOW_ENERGY_SESSION -> lowEnergyEnabled;
            case UNKNOWN_TAG_REPEATED -> unknownTagEnabled;
        };
    }

    public Unusual.Thresholds thresholds() {
        return new Unusual.Thresholds(
                consumptionZ.doubleValue(), abnormalEndsSigmas.doubleValue(), lowEnergyPercent / 100.0, unknownTagUses);
    }
}
