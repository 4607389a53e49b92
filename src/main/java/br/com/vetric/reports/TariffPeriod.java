package br.com.vetric.reports;

import java.time.LocalDate;

/**
 * A tariff and the first day (in the condominium's zone) it applies: it is in force until the day before the next
 * period's {@code effectiveFrom}.
 */
public record TariffPeriod(LocalDate effectiveFrom, Tariff tariff) {}
