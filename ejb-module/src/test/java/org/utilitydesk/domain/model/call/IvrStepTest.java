package org.utilitydesk.domain.model.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IvrStepTest {

    @Test
    void aBillInquiryPathBecomesOneStepPerNodeWithTheKeyPressedThere() {
        assertThat(IvrStep.of(List.of("ID:CALLER_ID", "MAIN", "1", "BILL", "AFTER", "#", "GOODBYE"))).containsExactly(
                new IvrStep("ID", "CALLER_ID"), new IvrStep("MAIN", "1"), new IvrStep("BILL", null),
                new IvrStep("AFTER", "#"), new IvrStep("GOODBYE", null));
    }

    @Test
    void retriesAtOneMenuAreStepsOfTheSameNode() {
        assertThat(IvrStep.of(List.of("MAIN", "SILENCE", "INVALID:x", "3", "FAULT_TYPE"))).containsExactly(
                new IvrStep("MAIN", "SILENCE"), new IvrStep("MAIN", "INVALID:x"), new IvrStep("MAIN", "3"),
                new IvrStep("FAULT_TYPE", null));
    }

    @Test
    void longValuesAreCutToTheColumnWidth() {
        assertThat(IvrStep.of(List.of("ORDER:" + "9".repeat(40))).get(0).input()).hasSize(32);
    }
}
