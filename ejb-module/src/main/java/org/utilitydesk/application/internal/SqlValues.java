package org.utilitydesk.application.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
