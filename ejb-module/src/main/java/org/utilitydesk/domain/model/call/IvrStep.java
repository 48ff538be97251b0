package org.utilitydesk.domain.model.call;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a caller's way through the IVR: the node they were at and what they did there (a key, a
 * silence, an invalid key, or what the node found: "CALLER_ID", "ORDER:GD…"). Built from the path the IVR
 * keeps while the call lasts, e.g. {@code ID:CALLER_ID, MAIN, 1, BILL, AFTER, #, GOODBYE}.
 */
public record IvrStep(String node, String input) {

    private static final int MAX = 32;

    /** Splits an IVR path into steps: node codes start a step, keys and results are that step's input. */
    public static List<IvrStep> of(List<String> path) {
        List<IvrStep> steps = new ArrayList<>();
        String node = null;
        boolean nodeHasInput = false;
        for (String element : path) {
            if (isInput(element)) {
                if (node != null && !nodeHasInput) {
                    steps.set(steps.size() - 1, new IvrStep(node, cut(element)));
                } else {
                    steps.add(new IvrStep(node == null ? "?" : node, cut(element)));
                }
                nodeHasInput = true;
            } else if (element.indexOf(':') > 0) {
                int colon = element.indexOf(':');
                node = cut(element.substring(0, colon));
                steps.add(new IvrStep(node, cut(element.substring(colon + 1))));
                nodeHasInput = true;
            } else {
                node = cut(element);
                steps.add(new IvrStep(node, null));
                nodeHasInput = false;
            }
        }
        return steps;
    }

    private static boolean isInput(String element) {
        return element.length() == 1 || "SILENCE".equals(element) || "MESSAGE".equals(element)
                || element.startsWith("INVALID:");
    }

    private static String cut(String value) {
        return value.length() <= MAX ? value : value.substring(0, MAX);
    }
}
