package org.utilitydesk.batch.reminders;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Reads the {@code at} job parameter: a local date and time ("2026-11-24T10:00"), or now when empty. */
final class ReminderMoment {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ReminderMoment() {
    }

    static LocalDateTime parse(String at) {
        if (at == null || at.isBlank()) {
            return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        }
        try {
            return LocalDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be a local time like 2026-11-24T10:00, not '" + at + "'", e);
        }
    }
}
