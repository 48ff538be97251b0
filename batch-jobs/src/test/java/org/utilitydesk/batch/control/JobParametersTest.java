package org.utilitydesk.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobParametersTest {

    private static JobControl.Parameter parameter(String job, String name) {
        return JobControl.JOBS.get(job).get(name);
    }

    @Test
    void aDayMustExistNotOnlyLookLikeOne() {
        JobControl.Parameter day = parameter("nightly-statistics", "day");
        assertThat(day.accepts("2026-02-28")).isTrue();
        assertThat(day.accepts("2028-02-29")).as("a leap day").isTrue();
        assertThat(day.accepts("2026-02-29")).isFalse();
        assertThat(day.accepts("2026-02-30")).isFalse();
        assertThat(day.accepts("2026-04-31")).isFalse();
        assertThat(day.accepts("0000-00-00")).isFalse();
        assertThat(day.accepts("2026-2-3")).isFalse();
        assertThat(day.accepts("2026-02-03T10:00")).isFalse();
    }

    @Test
    void aMomentIsADayThatExistsAndATimeToTheMinute() {
        JobControl.Parameter at = parameter("payment-reminders", "at");
        assertThat(at.accepts("2026-12-07T09:30")).isTrue();
        assertThat(at.accepts("2026-02-30T09:30")).isFalse();
        assertThat(at.accepts("2026-12-07T24:00")).isFalse();
        assertThat(at.accepts("2026-12-07T09:30:00")).isFalse();
        assertThat(at.accepts("2026-12-07")).isFalse();
    }
}
