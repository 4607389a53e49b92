package br.com.vetric.residents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create or replace a resident. The phone may be typed the Brazilian way; it is stored as E.164. */
public record ResidentCommand(
        @NotBlank(message = "is required") @Size(max = MAX_NAME, message = "at most {max} characters")
        String name,

        @NotBlank(message = "is required") @Size(max = MAX_UNIT, message = "at most {max} characters")
        String apartment,

        @Size(max = MAX_UNIT, message = "at most {max} characters")
        String tower,

        String phone,
        List<String> tags,
        Boolean notificationsEnabled) {

    /** Limits shared by the API, the pages and the CSV import (the database columns are text). */
    public static final int MAX_NAME = 120;

    public static final int MAX_UNIT = 40;
    public static final int MAX_TAG = 64;

    public ResidentCommand {
        tags = tags == null ? List.of() : tags;
    }
}
