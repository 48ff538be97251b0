package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times on the pages as the center's staff read them: local time (Asia/Shanghai), to the minute or second,
 * not the UTC instants the application stores. {@code #{times.minute(x)}}, {@code #{times.second(x)}}.
 */
@Named("times")
@ApplicationScoped
public class LocalTimes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE);

    /** "2026-11-24 12:05", empty for none. */
    public String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    /** "2026-11-24 12:05:33" (an order's history, where the order of events within a minute matters), empty for none. */
    public String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at);
    }

    /** "12:05:33" (today's events on the wallboard), empty for none. */
    public String second(Instant at) {
        return at == null ? "" : SECOND.format(at);
    }
}
