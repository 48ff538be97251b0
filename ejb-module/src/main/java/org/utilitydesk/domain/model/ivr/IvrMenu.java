package org.utilitydesk.domain.model.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole IVR tree, starting at {@link #ROOT}. Built only from a tree whose every reference resolves. */
public final class IvrMenu {

    public static final String ROOT = "MAIN";

    private final Map<String, IvrNode> nodes;

    public IvrMenu(Map<String, IvrNode> nodes) {
        this.nodes = Map.copyOf(nodes);
        List<String> problems = problems(this.nodes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the IVR menu is inconsistent: " + String.join("; ", problems));
        }
    }

    public IvrNode node(String code) {
        IvrNode node = nodes.get(code);
        if (node == null) {
            throw new IllegalArgumentException("no IVR node " + code);
        }
        return node;
    }

    public IvrNode root() {
        return node(ROOT);
    }

    /**
     * The key of the main menu that leads straight to the bill and from there to another menu (no agent, no
     * recording on the way): what the IVR's own warm-up calls press. Empty if the tree has no such key.
     */
    public Optional<Character> billKeyBackToAMenu() {
        return root().keys().entrySet().stream().filter(key -> {
            IvrNode target = nodes.get(key.getValue());
            return target.kind() == IvrNode.Kind.ACTION && target.action() == IvrNode.Action.BILL_INQUIRY
                    && nodes.get(target.next()).kind() == IvrNode.Kind.MENU;
        }).map(Map.Entry::getKey).sorted().findFirst();
    }

    /**
     * Where a caller goes to reach a person: the main menu's key that puts the caller in line for an agent (the
     * lowest such key). Empty if the tree has none.
     */
    public Optional<IvrNode> person() {
        return root().keys().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(key -> nodes.get(key.getValue()))
                .filter(target -> target.kind() == IvrNode.Kind.ACTION && target.action() == IvrNode.Action.TRANSFER)
                .findFirst();
    }

    /**
     * Everything wrong with a tree: missing root, dangling keys, next or fall-back nodes, actions without a way
     * on, prompts that cannot be file names.
     */
    public static List<String> problems(Map<String, IvrNode> nodes) {
        List<String> problems = new ArrayList<>();
        if (!nodes.containsKey(ROOT)) {
            problems.add("no " + ROOT + " node");
        }
        for (IvrNode n : nodes.values()) {
            n.keys().forEach((key, target) -> {
                if (!nodes.containsKey(target)) {
                    problems.add(n.code() + ": key " + key + " leads to missing node " + target);
                }
            });
            if (n.prompt() != null && !Utterance.isPromptName(n.prompt())) {
                problems.add(n.code() + ": prompt '" + n.prompt() + "' is not a sound file name (lower-case words, digits, - _ /)");
            }
            if (n.onFailure() != null && !nodes.containsKey(n.onFailure())) {
                problems.add(n.code() + ": on_failure " + n.onFailure() + " does not exist");
            }
            if (n.kind() == IvrNode.Kind.MENU) {
                if (n.prompt() == null || n.keys().isEmpty()) {
                    problems.add(n.code() + ": a menu needs a prompt and at least one key");
                }
                if (n.onFailure() == null) {
                    problems.add(n.code() + ": a menu needs on_failure for callers who press nothing useful");
                }
            } else {
                if (n.action() == null) {
                    problems.add(n.code() + ": an action node needs an action");
                } else if (n.action() != IvrNode.Action.HANGUP && (n.next() == null || !nodes.containsKey(n.next()))) {
                    problems.add(n.code() + ": next " + n.next() + " does not exist");
                }
            }
        }
        return problems;
    }
}
