package org.utilitydesk.batch.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The jobs' date and time parameters, in the utility's time zone. {@link JobControl} fills in empty ones when a
 * job starts; the defaults here serve a job started some other way (asadmin, a test).
 */
public final class JobDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private JobDates() {
    }

    /** A day ("2026-11-23"), or today moved by {@code daysFromToday} when empty. */
    public static LocalDate day(String value, int daysFromToday) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZONE).plusDays(daysFromToday);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date like 2026-11-23, not '" + value + "'", e);
        }
    }

    /** A local moment ("2026-11-24T10:00"), or now to the minute when empty. */
    public static LocalDateTime moment(String value) {
        if (value == null || value.isBlank()) {
            return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a local time like 2026-11-24T10:00, not '" + value + "'", e);
        }
    }
}
