package org.utilitydesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderProgressRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void theLastFourDigitsMatchWhateverSeparatorsThePhoneWasWrittenWith() {
        assertThat(DefaultOrderProgress.matches("13900000031", "0031")).isTrue();
        assertThat(DefaultOrderProgress.matches("+86 139-0000-0031", "0031")).isTrue();
        assertThat(DefaultOrderProgress.matches("13900000031", "0013")).isFalse();
        assertThat(DefaultOrderProgress.matches("031", "0031")).as("too short to have four").isFalse();
        assertThat(DefaultOrderProgress.matches(null, "0031")).as("an order without a phone cannot be looked up").isFalse();
        assertThat(DefaultOrderProgress.matches("13900000031", "31")).isFalse();
    }

    @Test
    void fiveMissesLockTheNumberUntilTheirQuarterHourIsOver() {
        ProgressMisses misses = new ProgressMisses();
        for (int i = 0; i < 4; i++) {
            misses.missed("GD1", T0.plusSeconds(i * 60));
        }
        assertThat(misses.locked("GD1", T0.plusSeconds(240))).as("four misses").isFalse();
        misses.missed("GD1", T0.plusSeconds(300));
        assertThat(misses.locked("GD1", T0.plusSeconds(301))).isTrue();
        assertThat(misses.locked("GD2", T0.plusSeconds(301))).as("other numbers are not touched").isFalse();
        assertThat(misses.locked("GD1", T0.plus(Duration.ofMinutes(15)))).as("the window began with the first miss").isFalse();
        misses.missed("GD1", T0.plus(Duration.ofMinutes(16)));
        assertThat(misses.locked("GD1", T0.plus(Duration.ofMinutes(16)))).as("a new window starts from one").isFalse();
    }
}
