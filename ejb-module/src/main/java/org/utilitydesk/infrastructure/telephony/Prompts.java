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
    /** Every key of a phone: a menu hears each of them, also those it does not offer (then: invalid key). */
    static final String ANY_KEY = "0123456789*#";

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

    /**
     * Plays a prompt and reads up to {@code maxDigits} keys (GET DATA: # ends the input and is not part of it);
     * empty on silence.
     *
     * @throws PromptFailed when Asterisk answers -1 (the prompt could not be played, or the caller hung up)
     */
    static String read(AgiChannel channel, String prompt, long timeoutMillis, int maxDigits) throws AgiException {
        String keys = channel.getData(FOLDER + prompt, timeoutMillis, maxDigits);
        if ("-1".equals(keys)) {
            throw new PromptFailed(FOLDER + prompt);
        }
        return keys == null ? "" : keys;
    }

    /**
     * Plays a menu prompt and takes one key, any of 0-9, * and # (GET OPTION, which returns # as a key where GET
     * DATA would end the input with it), waiting {@code timeoutMillis} after the prompt; empty on silence.
     *
     * @throws PromptFailed when Asterisk answers -1 (the prompt could not be played, or the caller hung up)
     */
    static String choose(AgiChannel channel, String prompt, long timeoutMillis) throws AgiException {
        char key = channel.getOption(FOLDER + prompt, ANY_KEY, timeoutMillis);
        if (channel.getLastReply().getResultCode() < 0) {
            throw new PromptFailed(FOLDER + prompt);
        }
        return key == 0 ? "" : String.valueOf(key);
    }

    static String choose(AgiChannel channel, Prompt prompt, long timeoutMillis) throws AgiException {
        return choose(channel, prompt.file(), timeoutMillis);
    }

    static String read(AgiChannel channel, Prompt prompt, long timeoutMillis, int maxDigits) throws AgiException {
        return read(channel, prompt.file(), timeoutMillis, maxDigits);
    }
}
