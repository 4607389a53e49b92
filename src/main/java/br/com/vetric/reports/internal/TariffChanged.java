package br.com.vetric.reports.internal;

import br.com.vetric.shared.CondominiumId;
import java.time.LocalDate;

/** The tariffs of a condominium changed from {@code from} on (a tariff saved or removed); statements may be outdated. */
public record TariffChanged(CondominiumId condominiumId, LocalDate from) {}
