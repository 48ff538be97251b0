package org.utilitydesk.domain.model.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms synonyms = new Synonyms(List.of(List.of("停电", "断电", "没电", "停了电"), List.of("电费", "费用"),
            List.of("Outage", "power cut")));

    @Test
    void theAlternativesAreTheGroupsWordsTheQueryLacks() {
        assertThat(synonyms.alternatives("家里停了电")).containsExactly("停电", "断电", "没电");
        assertThat(synonyms.alternatives("电费和停电")).containsExactly("断电", "没电", "停了电", "费用");
        assertThat(synonyms.alternatives("燃气")).isEmpty();
    }

    @Test
    void englishTermsMatchWhateverTheCase() {
        assertThat(synonyms.alternatives("OUTAGE map")).containsExactly("power cut");
    }

    @Test
    void blankQueriesAndNoGroupsHaveNoAlternatives() {
        assertThat(synonyms.alternatives("  ")).isEmpty();
        assertThat(Synonyms.none().alternatives("停电")).isEmpty();
    }
}
