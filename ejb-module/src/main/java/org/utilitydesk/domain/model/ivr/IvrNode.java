package org.utilitydesk.domain.model.ivr;

import java.util.Map;

/**
 * One node of the IVR tree. A MENU plays its prompt and reads one key, which leads to another node; an
 * ACTION plays its prompt (if any), does its action and goes on to {@code next}. Wrong keys and silence
 * are retried up to {@code maxRetries} times, then the caller goes to {@code onFailure}.
 */
public record IvrNode(String code, Kind kind, String prompt, Action action, String argument, String next,
                      int timeoutMillis, int maxRetries, String onFailure, Map<Character, String> keys) {

    /** What a node does. */
    public enum Kind { MENU, ACTION }

    /** The functions an ACTION node can run. */
    public enum Action { BILL_INQUIRY, BILL_STATEMENT, FAULT_REPORT, ORDER_STATUS, READ_ARTICLE, VOICEMAIL, TRANSFER, SET_LANGUAGE, HANGUP }

    public IvrNode {
        keys = Map.copyOf(keys);
    }

    /** Where a key leads from this menu, or null for a key the menu does not offer. */
    public String target(char key) {
        return keys.get(key);
    }
}
