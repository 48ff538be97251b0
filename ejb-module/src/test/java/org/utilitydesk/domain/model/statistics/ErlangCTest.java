package org.utilitydesk.domain.model.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void theTextbookHourNeedsFourteenAgentsForEightyTwenty() {
        // the classic example: 100 calls in half an hour at 180 s each = 10 Erlangs
        ErlangC.Staffing s = ErlangC.agentsFor(100, 1800, 180, 0.8, 20);
        assertThat(s.trafficErlangs()).isCloseTo(10.0, within(1e-9));
        assertThat(s.agents()).isEqualTo(14);
        assertThat(s.probabilityOfWaiting()).isCloseTo(0.1741, within(0.001));
        assertThat(s.serviceLevel()).isCloseTo(0.8884, within(0.001));
        assertThat(ErlangC.with(13, 10, 180, 20).serviceLevel()).as("one fewer misses the target").isLessThan(0.8);
    }

    @Test
    void largeCentersStayExactAndEmptyIntervalsNeedNobody() {
        ErlangC.Staffing big = ErlangC.agentsFor(12_000, 3600, 300, 0.8, 20);
        assertThat(big.trafficErlangs()).isCloseTo(1000.0, within(1e-9));
        assertThat(big.agents()).isBetween(1001, 1040);
        assertThat(big.serviceLevel()).isBetween(0.8, 1.0);
        assertThat(ErlangC.agentsFor(0, 3600, 300, 0.8, 20).agents()).isZero();
        assertThatThrownBy(() -> ErlangC.agentsFor(10, 3600, 300, 1.2, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
