package br.com.vetric.insights.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.insights.internal.AlertSettings;
import br.com.vetric.insights.internal.Alerts;
import br.com.vetric.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/insights/alert-settings}: the condominium's alerts on unusual patterns, each kind on or off
 * with its threshold. The condominium's managers (CLIENTE) and ADMIN may change them.
 */
@RestController
class AlertSettingsApiController {

    private final Alerts alerts;
    private final CurrentCondominium current;

    AlertSettingsApiController(Alerts alerts, CurrentCondominium current) {
        this.alerts = alerts;
        this.current = current;
    }

    @GetMapping("/api/v1/insights/alert-settings")
    @Operation(summary = "The alerts on unusual patterns: each kind on or off, with its threshold")
    AlertSettings get() {
        return alerts.settings(current.require());
    }

    @PutMapping("/api/v1/insights/alert-settings")
    @Operation(
            summary = "Tunes or mutes each kind of alert (every field required)",
            description = "consumptionZ: robust standard deviations above an apartment's usual (1.0-20.0);"
                    + " abnormalEndsSigmas: standard deviations above the condominium's rate of abnormal ends"
                    + " (1.0-20.0); lowEnergyPercent: a session is low energy under this % of the median power"
                    + " (1-90); unknownTagUses: an unknown tag is reported from this many uses (2-1000). A muted kind"
                    + " sends nothing and records nothing. 400 names the field.")
    AlertSettings put(@RequestBody AlertSettingsJson body) {
        return alerts.save(current.require(), body.settings());
    }

    /** Every field required, named when missing. */
    record AlertSettingsJson(
            @Nullable Boolean consumptionEnabled,
            @Nullable BigDecimal consumptionZ,
            @Nullable Boolean abnormalEndsEnabled,
            @Nullable BigDecimal abnormalEndsSigmas,
            @Nullable Boolean lowEnergyEnabled,
            @Nullable Integer lowEnergyPercent,
            @Nullable Boolean unknownTagEnabled,
            @Nullable Integer unknownTagUses) {

        AlertSettings settings() {
            return new AlertSettings(
                    required("consumptionEnabled", consumptionEnabled),
                    required("consumptionZ", consumptionZ),
                    required("abnormalEndsEnabled", abnormalEndsEnabled),
                    required("abnormalEndsSigmas", abnormalEndsSigmas),
                    required("lowEnergyEnabled", lowEnergyEnabled),
                    required("lowEnergyPercent", lowEnergyPercent),
                    required("unknownTagEnabled", unknownTagEnabled),
                    required("unknownTagUses", unknownTagUses));
        }

        private static <T> T required(String field, @Nullable T value) {
            if (value == null) {
                throw new InvalidInputException(field, "is required");
            }
            return value;
        }
    }
}
