package org.utilitydesk.infrastructure.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.utilitydesk.domain.service.IvrCommandTimes.Histogram;

class AgiCommandTimesTest {

    @Test
    void everyDurationFallsInTheOneRangeThatHoldsIt() {
        for (long micros = 0; micros < 5_000_000; micros += micros < 100 ? 1 : 997) {
            int bucket = AgiCommandTimes.bucket(micros);
            assertThat(AgiCommandTimes.from(bucket)).as("from of %d µs", micros).isLessThanOrEqualTo(micros);
            assertThat(AgiCommandTimes.from(bucket + 1)).as("to of %d µs", micros).isGreaterThan(micros);
            long width = AgiCommandTimes.from(bucket + 1) - AgiCommandTimes.from(bucket);
            assertThat(width * 16).as("width at %d µs", micros).isLessThanOrEqualTo(Math.max(16, micros));
        }
        assertThat(AgiCommandTimes.bucket(Long.MAX_VALUE / 1000)).isEqualTo(AgiCommandTimes.BUCKETS - 1);
    }

    @Test
    void percentilesAreTheUpperEndsOfTheirRanges() {
        AgiCommandTimes times = new AgiCommandTimes();
        for (int i = 0; i < 98; i++) {
            times.record(300_000); // 300 µs
        }
        times.record(4_000_000);
        times.record(250_000_000);
        Histogram histogram = times.commandTimes();

        assertThat(histogram.commands()).isEqualTo(100);
        assertThat(histogram.percentileMicros(0.5)).isBetween(301L, 300L * 17 / 16);
        assertThat(histogram.percentileMicros(0.99)).isBetween(4_001L, 4_000L * 17 / 16);
        assertThat(histogram.maxMicros()).isBetween(250_001L, 250_000L * 17 / 16);
    }

    @Test
    void twoReadingsGiveTheCommandsBetweenThem() {
        AgiCommandTimes times = new AgiCommandTimes();
        times.record(50_000_000);
        Histogram before = times.commandTimes();
        times.record(1_000_000);
        times.record(1_000_000);

        Histogram between = times.commandTimes().since(before);

        assertThat(between.commands()).isEqualTo(2);
        assertThat(between.maxMicros()).isLessThan(1_100);
        assertThat(new Histogram(0, java.util.List.of()).percentileMicros(0.99)).isZero();
    }
}
