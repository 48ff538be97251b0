package org.utilitydesk.infrastructure.telephony;

import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.utilitydesk.domain.model.ivr.Prompt;
import org.utilitydesk.domain.model.ivr.Utterance;

/**
 * Plays prompts over FastAGI. Asterisk finds {@code utilitydesk/<name>} in the channel language's folder of
 * its sounds directory ({@code zh/utilitydesk/…}, {@code en/utilitydesk/…}). An utterance of several prompts
 * goes as one Playback of {@code a&b&c}, so the caller hears a composed amount or date without a gap
 * between AGI commands and the application sends one command instead of a dozen.
 */
final class Prompts {

    static final String FOLDER = "utilitydesk/";

    private Prompts() {
    }

    static void play(AgiChannel channel, Prompt prompt) throws AgiException {
        play(channel, prompt.file());
    }

    /** A prompt named by data (a menu node's). */
    static void play(AgiChannel channel, String prompt) throws AgiException {
        channel.streamFile(FOLDER + prompt);
    }

    static void play(AgiChannel channel, Utterance utterance) throws AgiException {
        List<String> prompts = utterance.prompts();
        if (prompts.size() == 1) {
            play(channel, prompts.get(0));
        } else if (!prompts.isEmpty()) {
            channel.exec("Playback", FOLDER + String.join("&" + FOLDER, prompts));
        }
    }

    /** Plays a prompt and reads up to {@code maxDigits} keys (# ends early); null or empty on silence. */
    static String read(AgiChannel channel, String prompt, long timeoutMillis, int maxDigits) throws AgiException {
        return channel.getData(FOLDER + prompt, timeoutMillis, maxDigits);
    }

    static String read(AgiChannel channel, Prompt prompt, long timeoutMillis, int maxDigits) throws AgiException {
        return read(channel, prompt.file(), timeoutMillis, maxDigits);
    }
}
