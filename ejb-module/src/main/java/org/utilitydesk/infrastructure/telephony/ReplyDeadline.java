package org.utilitydesk.infrastructure.telephony;

import java.io.IOException;
import java.util.Locale;

/**
 * How long Asterisk may take to answer an AGI command before the session is given up: what the command itself may
 * take (a prompt's playing, a read's timeout, a recording's length, a conversation for Dial and Bridge) plus a
 * margin. A peer that stops answering (an Asterisk that hung, or someone who copied its greeting) is cut off after
 * that, not after the call's three hours; the call's record says so ({@link Overdue}).
 */
final class ReplyDeadline {

    /** Commands that answer at once (ANSWER, SET VARIABLE, CHANNEL STATUS, music on hold on and off, ...). */
    static final int QUICK_MILLIS = 10_000;
    /** What one prompt file may take to play: the longest of ours lasts well under a minute. */
    static final int PLAY_MILLIS = 120_000;
    /** What a read or a recording without a timeout of its own may take. */
    static final int OPEN_ENDED_MILLIS = 10 * 60_000;

    private ReplyDeadline() {
    }

    /** The deadline for the reply to {@code command} (as sent, without its line end); {@code callMillis} for a conversation. */
    static int of(String command, int callMillis) {
        // asterisk-java quotes every argument, EXEC's application too: EXEC "Dial" "PJSIP/8001,20"
        String plain = command.replace("\"", "").strip();
        String[] words = plain.split("\\s+");
        String verb = words.length == 0 ? "" : words[0].toUpperCase(Locale.ROOT);
        String second = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        return switch (verb) {
            case "STREAM", "CONTROL", "SAY" -> PLAY_MILLIS;
            case "GET" -> switch (second) {
                // GET DATA <file> [timeout ms] [max digits]; GET OPTION <file> <escape digits> [timeout ms]
                case "DATA" -> PLAY_MILLIS + millis(words, 3);
                case "OPTION" -> PLAY_MILLIS + millis(words, 4);
                default -> QUICK_MILLIS;
            };
            // WAIT FOR DIGIT <timeout ms>
            case "WAIT" -> QUICK_MILLIS + millis(words, 3);
            // RECORD FILE <file> <format> <escape digits> <timeout ms> ...
            case "RECORD" -> PLAY_MILLIS + millis(words, 5);
            case "EXEC" -> exec(second, words.length > 2 ? plain.split("\\s+", 3)[2] : "", callMillis);
            default -> QUICK_MILLIS;
        };
    }

    private static int exec(String application, String args, int callMillis) {
        return switch (application) {
            // a call to an agent, or the agent's conversation: as long as the call may last
            case "DIAL", "BRIDGE", "QUEUE" -> callMillis;
            // Playback(a&b&c)
            case "PLAYBACK", "BACKGROUND" -> PLAY_MILLIS * (args.split("&").length);
            // Record(file,silence,max seconds,options)
            case "RECORD" -> {
                String[] parts = args.split(",");
                int max = parts.length > 2 ? seconds(parts[2]) : -1;
                yield PLAY_MILLIS + (max > 0 ? max * 1000 : OPEN_ENDED_MILLIS);
            }
            default -> QUICK_MILLIS;
        };
    }

    /** The timeout in milliseconds at {@code index} of the command; none or negative (wait for ever) is open-ended. */
    private static int millis(String[] words, int index) {
        if (words.length <= index) {
            return OPEN_ENDED_MILLIS;
        }
        try {
            long value = Long.parseLong(words[index]);
            return value <= 0 ? OPEN_ENDED_MILLIS : (int) Math.min(value, OPEN_ENDED_MILLIS);
        } catch (NumberFormatException e) {
            return OPEN_ENDED_MILLIS;
        }
    }

    private static int seconds(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * What did not come in time on the session this thread serves. asterisk-java reports any failure to read a reply as
     * a hang-up, without its cause, so the session's connection leaves word here for the script.
     */
    private static final ThreadLocal<String> MISSED = new ThreadLocal<>();

    static void missed(String what) {
        MISSED.set(what);
    }

    /** Forgets what an earlier session on this (pooled) thread missed. */
    static void forget() {
        MISSED.remove();
    }

    /** The reply this thread's session waited for in vain, forgotten once told; null if none. */
    static String takeMissed() {
        String what = MISSED.get();
        MISSED.remove();
        return what;
    }

    /** Asterisk did not answer a command within its deadline; the session ends. */
    static final class Overdue extends IOException {
        private static final long serialVersionUID = 1L;

        Overdue(String command, int millis) {
            super("no reply to " + AgiRequestCheck.shown(command) + " within " + millis + " ms", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
