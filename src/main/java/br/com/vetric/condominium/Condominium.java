package br.com.vetric.condominium;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A condominium VETRIC serves (a tenant). {@code cnpj} is stored without punctuation (see {@link Cnpj}),
 * {@code phone} as E.164; {@code cnpj}, {@code address}, {@code phone} and {@code email} may be null. An inactive
 * condominium keeps its records but is not polled, gets no messages, and its CLIENTE accounts cannot log in.
 */
public record Condominium(
        CondominiumId id,
        String name,
        ZoneId zone,
        String cnpj,
        String address,
        String phone,
        String email,
        Plan plan,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    /** "11.222.333/0001-81" for people; empty when there is none. */
    public String cnpjFormatted() {
        return Cnpj.format(cnpj);
    }

    /** The values as a command (to change some of them). */
    public CondominiumCommand command() {
        return new CondominiumCommand(name, cnpj, address, phone, email, zone.getId(), plan.code(), active);
    }
}
