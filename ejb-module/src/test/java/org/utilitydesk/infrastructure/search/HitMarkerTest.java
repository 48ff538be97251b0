package org.utilitydesk.infrastructure.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HitMarkerTest {

    private static HitMarker marker(String query, String... synonyms) {
        return new HitMarker(query, List.of(synonyms), KnowledgeAnalysis.wordsQuery(), KnowledgeAnalysis.gramsQuery(),
                KnowledgeAnalysis.latinStems());
    }

    @Test
    void marksTheQueryWordsButNotTheWordsAQuestionIsWrappedIn() {
        assertThat(marker("停电了怎么办").title("家中突然停电怎么办"))
                .isEqualTo("家中突然<em>停电</em>怎么办");
    }

    @Test
    void picksTheSentenceWithMostOfWhatWasAskedFor() {
        String body = "请先查看邻居家是否有电。如果只有您家停电，请检查空气开关。电费欠费也会导致停电，请先缴清电费。";
        assertThat(marker("欠费停电").snippet(body)).isEqualTo("电费<em>欠费</em>也会导致<em>停电</em>，请先缴清电费。");
    }

    @Test
    void synonymsAreMarkedToo() {
        assertThat(marker("停电", "断电", "没电").snippet("小区突然断电了。")).isEqualTo("小区突然<em>断电</em>了。");
        assertThat(marker("gas leak", "escape of gas").title("Gas escapes")).isEqualTo("<em>Gas</em> <em>escapes</em>");
    }

    @Test
    void singleCharactersOfALongerQueryAreNotMarked() {
        assertThat(marker("没电", "停电").snippet("欠电费会被停电吗？家里没电了。")).isEqualTo("欠电费会被<em>停电</em>吗？");
        assertThat(marker("没电").title("家里没电了")).isEqualTo("家里<em>没电</em>了");
    }

    @Test
    void aChineseSynonymIsMarkedOnlyAsAWhole() {
        assertThat(marker("停电了怎么办", "断电", "没电").title("欠费停电和复电流程")).isEqualTo("欠费<em>停电</em>和复电流程");
    }

    @Test
    void aSingleCharacterQueryMarksThatCharacter() {
        assertThat(marker("表").title("电表走得快")).isEqualTo("电<em>表</em>走得快");
    }

    @Test
    void latinWordsAreFoundByTheirStem() {
        assertThat(marker("meters").snippet("Your meter is read every month. Payments are due in 15 days."))
                .isEqualTo("Your <em>meter</em> is read every month.");
        assertThat(marker("gas leak").title("Smell of gas: a leaking pipe"))
                .isEqualTo("Smell of <em>gas</em>: a <em>leaking</em> pipe");
    }

    @Test
    void everythingButTheMarksIsEscaped() {
        assertThat(marker("停电").snippet("<script>alert('停电')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;<em>停电</em>&#39;)&lt;/script&gt;");
        assertThat(marker("a&b").title("R&D <b>")).doesNotContain("<b>").contains("&amp;");
    }

    @Test
    void aLongSentenceIsCutAroundItsFirstMatch() {
        String body = "这".repeat(300) + "停电" + "那".repeat(300);
        String snippet = marker("停电").snippet(body);
        assertThat(snippet).startsWith("…").endsWith("…").contains("<em>停电</em>");
        assertThat(snippet.replace("<em>", "").replace("</em>", "")).hasSize(HitMarker.SNIPPET_LENGTH + 2);
    }

    @Test
    void nothingToMarkGivesNoSnippet() {
        assertThat(marker("燃气").snippet("请检查空气开关。")).isNull();
        assertThat(marker("燃气").title("空气开关跳闸")).isEqualTo("空气开关跳闸");
    }
}
