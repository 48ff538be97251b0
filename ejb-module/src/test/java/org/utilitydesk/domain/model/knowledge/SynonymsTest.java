package org.utilitydesk.domain.model.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms synonyms = new Synonyms(List.of(List.of("停电", "断电", "没电", "停了电"), List.of("电费", "费用"),
            List.of("Outage", "power cut")));

    @Test
    void aQueryIsSearchedAsTypedAndWithEachSynonymSwappedIn() {
        assertThat(synonyms.phrasings("家里没电了")).containsExactly("家里没电了", "家里停电了", "家里断电了", "家里停了电了");
    }

    @Test
    void theLongestSynonymIsReplacedWhole() {
        assertThat(synonyms.phrasings("停了电怎么办")).startsWith("停了电怎么办", "停电怎么办");
    }

    @Test
    void englishTermsMatchWhateverTheCase() {
        assertThat(synonyms.phrasings("OUTAGE map")).contains("power cut map");
    }

    @Test
    void twoGroupsInOneQueryStayBounded() {
        List<String> p = synonyms.phrasings("停电电费");
        assertThat(p).contains("断电电费", "停电费用").hasSizeLessThanOrEqualTo(Synonyms.MAX_VARIANTS + 1);
    }

    @Test
    void blankQueriesHaveNoPhrasings() {
        assertThat(synonyms.phrasings("  ")).isEmpty();
        assertThat(Synonyms.none().phrasings("停电")).containsExactly("停电");
    }
}
