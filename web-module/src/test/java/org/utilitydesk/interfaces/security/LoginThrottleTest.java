package org.utilitydesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final List<String> audited = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new SecurityAudit() {
        @Override
        public void record(Kind kind, LoginThrottle.SubjectType type, String subject, int failures, Instant until, String actor) {
            audited.add(kind + " " + type + " " + subject + " " + failures + (actor == null ? "" : " by " + actor));
        }
    }, clock);

    @Test
    void aNameIsHeldBackAfterFiveFailuresEachTimeLongerThenLocked() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Agent01", "10.0.0." + i);
        }
        assertThat(throttle.held("agent01", "10.0.0.9")).isEmpty();
        throttle.failed(" AGENT01 ", "10.0.0.5");
        assertThat(throttle.held("agent01", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        assertThat(throttle.held("agent01", "10.0.0.9")).isEmpty();
        throttle.failed("agent01", "10.0.0.6");
        assertThat(throttle.held("agent01", "10.0.0.9")).contains(Duration.ofSeconds(2));
        for (int i = 7; i <= 10; i++) {
            clock.pass(Duration.ofSeconds(60));
            throttle.failed("agent01", "10.0.0." + i);
        }
        assertThat(throttle.held("agent01", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(audited).containsExactly("BACKOFF USER agent01 5", "LOCKED USER agent01 10");
        // the lock is not stretched by more tries, and ends by itself
        throttle.failed("agent01", "10.0.0.11");
        clock.pass(Duration.ofMinutes(15));
        assertThat(throttle.held("agent01", "10.0.0.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 45; i++) {
            throttle.failed("user" + (i % 9), "192.0.2.7");
        }
        throttle.succeeded("user1");
        assertThat(throttle.held("someone-else", "192.0.2.7")).isPresent();
        assertThat(throttle.held("user1", "192.0.2.8")).isEmpty();
        assertThat(throttle.holds()).extracting(LoginThrottle.Hold::subject).contains("192.0.2.7", "user0").doesNotContain("user1");
    }

    @Test
    void anAdministratorLiftsAHoldAndIsNamedInTheAudit() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("nobody-has-this-name", "198.51.100.1");
        }
        assertThat(throttle.held("Nobody-Has-This-Name", "203.0.113.1")).isPresent();
        assertThat(throttle.lift(LoginThrottle.SubjectType.USER, "nobody-has-this-name", "admin")).isTrue();
        assertThat(throttle.held("nobody-has-this-name", "203.0.113.1")).isEmpty();
        assertThat(throttle.lift(LoginThrottle.SubjectType.USER, "nobody-has-this-name", "admin")).isFalse();
        assertThat(audited).last().isEqualTo("UNLOCKED USER nobody-has-this-name 10 by admin");
    }

    @Test
    void failuresLongAgoAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("agent02", "10.1.1.1");
        }
        clock.pass(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("agent02", "10.1.1.1");
        assertThat(throttle.held("agent02", "10.1.1.2")).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
