package org.utilitydesk.batch.overdue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the {@code asOf} job property: a date, or today in the utility's time zone when empty. */
final class JobDay {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private JobDay() {
    }

    static LocalDate parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(ZONE);
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be a date like 2026-11-23, not '" + asOf + "'", e);
        }
    }
}
