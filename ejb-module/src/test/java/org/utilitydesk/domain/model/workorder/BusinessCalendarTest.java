package org.utilitydesk.domain.model.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar OFFICE = new BusinessCalendar(BusinessCalendar.Kind.BUSINESS_HOURS,
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)));

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(BusinessCalendar.ZONE).toInstant();
    }

    @Test
    void roundTheClockIsPlainMinutes() {
        BusinessCalendar always = new BusinessCalendar(BusinessCalendar.Kind.ROUND_THE_CLOCK, Set.of());
        assertThat(always.plus(beijing("2026-11-21T23:00"), 90)).isEqualTo(beijing("2026-11-22T00:30"));
    }

    @Test
    void withinOneWorkingDay() {
        assertThat(OFFICE.plus(beijing("2026-11-23T09:00"), 120)).isEqualTo(beijing("2026-11-23T11:00"));
    }

    @Test
    void eightWorkingHoursFromFridayAfternoonEndOnMonday() {
        assertThat(OFFICE.plus(beijing("2026-11-20T16:30"), 480)).isEqualTo(beijing("2026-11-23T15:30"));
    }

    @Test
    void anOrderOpenedAtNightStartsCountingWhenTheOfficeOpens() {
        assertThat(OFFICE.plus(beijing("2026-11-23T22:10"), 60)).isEqualTo(beijing("2026-11-24T09:30"));
        assertThat(OFFICE.plus(beijing("2026-11-24T06:00"), 60)).isEqualTo(beijing("2026-11-24T09:30"));
    }

    @Test
    void holidaysAreSkipped() {
        // Wednesday 30 September 17:00, one working hour: 30 minutes that day, then 1, 2 (holidays), 3-4
        // (weekend), 5 (holiday): the rest on Tuesday 6 October
        assertThat(OFFICE.plus(beijing("2026-09-30T17:00"), 60)).isEqualTo(beijing("2026-10-06T09:00"));
    }
}
