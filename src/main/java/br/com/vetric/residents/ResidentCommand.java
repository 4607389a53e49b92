package br.com.vetric.residents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create or replace a resident. The phone may be typed the Brazilian way; it is stored as E.164. */
public record ResidentCommand(
        @NotBlank(message = "is required") @Size(max = 120, message = "at most 120 characters") String name,
        @NotBlank(message = "is required") @Size(max = 40, message = "at most 40 characters") String apartment,
        @Size(max = 40, message = "at most 40 characters") String tower,
        String phone,
        List<String> tags,
        Boolean notificationsEnabled) {

    public ResidentCommand {
        tags = tags == null ? List.of() : tags;
    }
}
