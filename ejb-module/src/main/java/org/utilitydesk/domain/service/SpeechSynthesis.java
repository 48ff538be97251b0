package org.utilitydesk.domain.service;

import java.util.Optional;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;

/**
 * Speech for text nobody recorded: what a supervisor wrote (an outage notice's reason) read to callers.
 * An adapter turns the text into a prompt the telephone system can play; without an engine there is none,
 * and the IVR says only what its recorded prompts can.
 */
public interface SpeechSynthesis {

    /**
     * The prompt that says {@code text} in {@code language} (a name under the prompt folder, e.g.
     * {@code tts/zh-3f2a…}), made now or found from before; empty without an engine, for blank text, or if the
     * engine failed (logged).
     */
    Optional<String> prompt(SpokenLanguage language, String text);
}
