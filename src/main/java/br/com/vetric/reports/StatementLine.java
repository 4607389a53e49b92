package br.com.vetric.reports;

import java.math.BigDecimal;

/**
 * One resident's part of a statement: what the building's administration bills that apartment for.
 *
 * @param unit         the apartment as the statement prints it ("101 · Torre A")
 * @param apartment    the apartment alone ("101")
 * @param tower        the tower, null when the building has none
 * @param energyWh     the month's energy, whole Wh ({@code peakWh + offPeakWh})
 * @param amount       what it costs, R$ to the centavo (the sum of its sessions' rounded costs)
 * @param idleSeconds  the time the car stayed plugged in without charging
 */
public record StatementLine(
        long statementId,
        String unit,
        String apartment,
        String tower,
        long residentId,
        String residentName,
        int sessions,
        long energyWh,
        long peakWh,
        long offPeakWh,
        BigDecimal amount,
        long idleSeconds) {}
