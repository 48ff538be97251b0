package org.utilitydesk.domain.model.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.utilitydesk.domain.model.ivr.IvrNode.Action;
import org.utilitydesk.domain.model.ivr.IvrNode.Kind;

class IvrMenuTest {

    private static Map<String, IvrNode> tree() {
        Map<String, IvrNode> nodes = new HashMap<>();
        nodes.put("MAIN", new IvrNode("MAIN", Kind.MENU, "main-menu", null, null, null, 5000, 3, "AGENT",
                Map.of('1', "BILL", '0', "AGENT")));
        nodes.put("BILL", new IvrNode("BILL", Kind.ACTION, null, Action.BILL_INQUIRY, null, "BYE", 5000, 3, "AGENT", Map.of()));
        nodes.put("AGENT", new IvrNode("AGENT", Kind.ACTION, "transfer", Action.TRANSFER, "BILLING", "BYE", 5000, 0, null, Map.of()));
        nodes.put("BYE", new IvrNode("BYE", Kind.ACTION, "goodbye", Action.HANGUP, null, null, 5000, 0, null, Map.of()));
        return nodes;
    }

    @Test
    void aConsistentTreeLeadsFromKeyToNode() {
        IvrMenu menu = new IvrMenu(tree());
        assertThat(menu.root().target('1')).isEqualTo("BILL");
        assertThat(menu.root().target('7')).isNull();
        assertThat(menu.node("BILL").action()).isEqualTo(Action.BILL_INQUIRY);
    }

    @Test
    void danglingReferencesAreAllReported() {
        Map<String, IvrNode> nodes = tree();
        nodes.put("MAIN", new IvrNode("MAIN", Kind.MENU, "main-menu", null, null, null, 5000, 3, "NOWHERE",
                Map.of('1', "GONE")));
        nodes.remove("BYE");
        assertThatThrownBy(() -> new IvrMenu(nodes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key 1 leads to missing node GONE")
                .hasMessageContaining("on_failure NOWHERE")
                .hasMessageContaining("BILL: next BYE does not exist");
    }

    @Test
    void aMenuWithoutAFallBackOrKeysIsRefused() {
        Map<String, IvrNode> nodes = tree();
        nodes.put("MAIN", new IvrNode("MAIN", Kind.MENU, "main-menu", null, null, null, 5000, 3, null, Map.of()));
        assertThat(IvrMenu.problems(nodes)).anyMatch(p -> p.contains("at least one key")).anyMatch(p -> p.contains("on_failure"));
    }

    @Test
    void aPromptMustBeASoundFileNameNotAnythingAsteriskWouldReadAsOptionsOrAList() {
        Map<String, IvrNode> nodes = tree();
        nodes.put("MAIN", new IvrNode("MAIN", Kind.MENU, "main-menu&goodbye", null, null, null, 5000, 3, "AGENT",
                Map.of('1', "BILL")));
        nodes.put("BYE", new IvrNode("BYE", Kind.ACTION, "Goodbye,n", Action.HANGUP, null, null, 5000, 0, null, Map.of()));
        assertThat(IvrMenu.problems(nodes)).anyMatch(p -> p.startsWith("MAIN: prompt 'main-menu&goodbye'"))
                .anyMatch(p -> p.startsWith("BYE: prompt 'Goodbye,n'"));
    }

    @Test
    void theWarmUpPressesOnlyAKeyThatLeadsToTheBillAndBackToAMenu() {
        Map<String, IvrNode> nodes = tree();
        assertThat(new IvrMenu(nodes).billKeyBackToAMenu()).as("after the bill, goodbye: not a menu").isEmpty();
        nodes.put("BILL", new IvrNode("BILL", Kind.ACTION, null, Action.BILL_INQUIRY, null, "MAIN", 5000, 3, "AGENT", Map.of()));
        assertThat(new IvrMenu(nodes).billKeyBackToAMenu()).contains('1');
        nodes.put("MAIN", new IvrNode("MAIN", Kind.MENU, "main-menu", null, null, null, 5000, 3, "AGENT",
                Map.of('1', "AGENT", '0', "AGENT")));
        assertThat(new IvrMenu(nodes).billKeyBackToAMenu()).as("no key leads to the bill").isEmpty();
    }

    @Test
    void thereMustBeARoot() {
        Map<String, IvrNode> nodes = tree();
        nodes.remove("MAIN");
        assertThat(IvrMenu.problems(nodes)).contains("no MAIN node");
    }
}
