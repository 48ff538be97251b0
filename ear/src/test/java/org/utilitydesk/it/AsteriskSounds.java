package org.utilitydesk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sounds folder as Asterisk searches it (main/file.c, fileexists_core): a file {@code name} for a channel
 * in language {@code zh} is {@code zh/name.<format>}, else {@code name.<format>} outside any language folder,
 * else {@code en/name.<format>}; the formats are those Asterisk plays natively. The folder is the one this
 * repository installs (server-config/asterisk/sounds), and the catalogue beside it says what each prompt says.
 */
final class AsteriskSounds {

    private static final Path ASTERISK = Path.of(System.getProperty("it.root", ".."), "server-config", "asterisk");
    /** Asterisk's one sounds folder, here in two parts: the recorded prompts and what the application synthesized. */
    private static final List<Path> SOUNDS = System.getProperty("it.tts.dir", "").isBlank() ? List.of(ASTERISK.resolve("sounds"))
            : List.of(ASTERISK.resolve("sounds"), Path.of(System.getProperty("it.tts.dir")));
    private static final List<String> FORMATS = List.of("wav", "WAV", "sln", "sln16", "ulaw", "alaw", "gsm", "g722", "g729");
    private static final String DEFAULT_LANGUAGE = "en";
    /** Files of Asterisk's own core sounds the application relies on (RECORD FILE's beep), present on any Asterisk. */
    private static final List<String> CORE = List.of("beep");
    private static final Map<String, Map<String, String>> TEXTS = catalogue();

    private AsteriskSounds() {
    }

    /** Where Asterisk finds a file: the language folder it came from ("" outside any), or null if it finds none. */
    static String find(String name, String language) {
        if (CORE.contains(name)) {
            return language;
        }
        for (String folder : new String[] {language, "", DEFAULT_LANGUAGE}) {
            if (folder != null && file(name, folder) != null) {
                return folder;
            }
        }
        return null;
    }

    private static Path file(String name, String folder) {
        for (Path sounds : SOUNDS) {
            for (String format : FORMATS) {
                Path file = sounds.resolve(folder).resolve(name + "." + format);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    /** The length of a file in samples at 8 kHz, as STREAM FILE's endpos counts them (0 if unknown). */
    static long samples(String name, String folder) {
        Path file = file(name, folder);
        try {
            return file != null && file.toString().endsWith(".wav") ? Math.max(0, (Files.size(file) - 44) / 2) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What a prompt (utilitydesk/…) says in a language, from the catalogue ("" for a pause); a synthesized one as
     * "[tts]"; the name itself for any other file.
     */
    static String text(String name, String language) {
        if (name.startsWith("utilitydesk/tts/")) {
            return "[tts]";
        }
        Map<String, String> texts = name.startsWith("utilitydesk/") ? TEXTS.get(name.substring("utilitydesk/".length())) : null;
        String text = texts == null ? "[" + name + "]" : texts.getOrDefault(language, "[" + name + "]");
        return text.startsWith("(silence") ? "" : text;
    }

    private static Map<String, Map<String, String>> catalogue() {
        Map<String, Map<String, String>> texts = new HashMap<>();
        try {
            for (String line : Files.readAllLines(ASTERISK.resolve("prompts.tsv"), StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t", -1);
                if (columns.length == 3 && !line.startsWith("#")) {
                    texts.put(columns[0], Map.of("zh", columns[1], "en", columns[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
