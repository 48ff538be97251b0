package org.utilitydesk.domain.model.workorder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The clock an SLA runs on. Round the clock, a deadline is simply so many minutes later; on business
 * hours (Monday to Friday, 08:30 to 17:30 in Beijing time, public holidays excluded) only working minutes
 * count, so an order opened on Friday afternoon with eight working hours is due on Monday.
 */
public final class BusinessCalendar {

    public enum Kind { ROUND_THE_CLOCK, BUSINESS_HOURS }

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 30);

    private final Kind kind;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(Kind kind, Set<LocalDate> holidays) {
        this.kind = kind;
        this.holidays = Set.copyOf(holidays);
    }

    /** The moment {@code minutes} of this calendar's time have passed after {@code start}. */
    public Instant plus(Instant start, long minutes) {
        if (kind == Kind.ROUND_THE_CLOCK) {
            return start.plus(Duration.ofMinutes(minutes));
        }
        ZonedDateTime at = start.atZone(ZONE);
        long remainingSeconds = minutes * 60;
        while (true) {
            if (!isWorkingDay(at.toLocalDate()) || !at.toLocalTime().isBefore(CLOSES)) {
                at = nextWorkingDay(at.toLocalDate()).atTime(OPENS).atZone(ZONE);
                continue;
            }
            if (at.toLocalTime().isBefore(OPENS)) {
                at = at.with(OPENS);
            }
            long leftToday = Duration.between(at.toLocalTime(), CLOSES).getSeconds();
            if (remainingSeconds <= leftToday) {
                return at.plusSeconds(remainingSeconds).toInstant();
            }
            remainingSeconds -= leftToday;
            at = nextWorkingDay(at.toLocalDate()).atTime(OPENS).atZone(ZONE);
        }
    }

    private boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
