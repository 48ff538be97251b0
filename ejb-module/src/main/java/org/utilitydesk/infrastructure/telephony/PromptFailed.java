package org.utilitydesk.infrastructure.telephony;

import org.asteriskjava.fastagi.AgiException;

/**
 * Asterisk answered a read with -1: it could not play the prompt (no such sound file in the channel language's
 * folder) or the caller hung up while it played. Never a key: the IVR finds out which (a hang-up makes the next
 * command fail) and, on a live call, puts the caller through to a person instead of running through retries
 * nobody hears.
 */
final class PromptFailed extends AgiException {

    private static final long serialVersionUID = 1L;

    private final String prompt;

    PromptFailed(String prompt) {
        super("Asterisk could not play " + prompt + " (result -1)");
        this.prompt = prompt;
    }

    /** The prompt as sent, e.g. utilitydesk/main-menu. */
    String prompt() {
        return prompt;
    }
}
