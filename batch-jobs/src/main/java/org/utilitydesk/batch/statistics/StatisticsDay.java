package org.utilitydesk.batch.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the {@code day} job parameter: a date, or yesterday in the utility's time zone when empty. */
final class StatisticsDay {

    private StatisticsDay() {
    }

    static LocalDate parse(String day) {
        if (day == null || day.isBlank()) {
            return LocalDate.now(DayFigures.ZONE).minusDays(1);
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day must be a date like 2026-11-23, not '" + day + "'", e);
        }
    }
}
