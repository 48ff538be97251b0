package org.utilitydesk.application.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** Values of native queries, whichever Java type the driver hands back for a column. */
final class SqlValues {

    private SqlValues() {
    }

    /** DATETIME columns hold UTC (the pool's sessions run in UTC). */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    /** BOOLEAN columns come back as Boolean or as a number (TINYINT(1)); NULL is false. */
    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    /** TIME columns, NULL as null. */
    static LocalTime time(Object value) {
        return value == null ? null : value instanceof Time t ? t.toLocalTime() : LocalTime.parse(value.toString());
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
