package org.utilitydesk.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one caller of the scripted Asterisk hears: the sound files the application plays, found as Asterisk
 * finds them for the channel's language ({@link AsteriskSounds}), kept as the catalogue's texts, and those it
 * could not hear (missing, or found only in another language's folder).
 */
final class CallerEar {

    private volatile String language = "zh";
    private final List<String> spoken = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unheard = Collections.synchronizedList(new ArrayList<>());
    /** Every call's unheard files, for tests that look across many calls. */
    private final List<String> allUnheard;

    CallerEar(List<String> allUnheard) {
        this.allUnheard = allUnheard;
    }

    /** The channel's language (CHANNEL(language)): which folder of the sounds Asterisk plays from. */
    void language(String language) {
        this.language = language;
    }

    /** Plays a file: its length in samples, -1 if Asterisk finds none for the channel's language. */
    long play(String file) {
        String folder = AsteriskSounds.find(file, language);
        if (folder == null) {
            unheard(file + " is missing (language " + language + ")");
            return -1;
        }
        if (!folder.equals(language)) {
            unheard(file + " is not in " + language + "/: the caller hears the one in '" + folder + "'");
        }
        spoken.add(AsteriskSounds.text(file, folder.isEmpty() ? language : folder));
        return AsteriskSounds.samples(file, folder);
    }

    List<String> spoken() {
        return List.copyOf(spoken);
    }

    List<String> unheard() {
        return List.copyOf(unheard);
    }

    /** The texts run together: Chinese prompts as one sentence, English words with a space between. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (String piece : spoken()) {
            if (!text.isEmpty() && !piece.isEmpty() && text.charAt(text.length() - 1) < 0x80 && piece.charAt(0) < 0x80
                    && Character.isLetterOrDigit(piece.charAt(0))) {
                text.append(' ');
            }
            text.append(piece);
        }
        return text.toString();
    }

    private void unheard(String what) {
        unheard.add(what);
        synchronized (allUnheard) {
            allUnheard.add(what);
        }
    }
}
