package br.com.vetric.simulator;

import java.util.List;

/**
 * A resident of the simulated condominium and the RFID cards (idTags, 8 upper-case hex chars) they own.
 *
 * @param name      full name
 * @param apartment e.g. {@code Apto 101 Torre A} (also sent as {@code userAddressComplement})
 * @param phone     E.164, e.g. {@code +5511987654321}
 * @param tags      one or more idTags, upper case
 */
public record Resident(String name, String apartment, String phone, List<String> tags) {
    public Resident {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
