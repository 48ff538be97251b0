package org.utilitydesk.domain.model.ivr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The prompt catalogue (server-config/asterisk/prompts.tsv) as the tests read it: name to Chinese and English text. */
public final class PromptCatalogue {

    static final Path ASTERISK = Path.of("..", "server-config", "asterisk");
    static final Path SOUNDS = ASTERISK.resolve("sounds");

    record Texts(String zh, String en) {
        String in(SpokenLanguage language) {
            return language == SpokenLanguage.ZH ? zh : en;
        }
    }

    private static final Map<String, Texts> PROMPTS = load();

    private PromptCatalogue() {
    }

    static Map<String, Texts> prompts() {
        return PROMPTS;
    }

    /** What a caller hears from these prompts, as text: the Chinese run together, the English with spaces; pauses left out. */
    public static String text(SpokenLanguage language, List<String> prompts) {
        return prompts.stream().filter(p -> !p.equals("say/pause")).map(p -> {
            Texts texts = PROMPTS.get(p);
            if (texts == null) {
                throw new AssertionError("the catalogue has no prompt " + p);
            }
            return texts.in(language);
        }).collect(Collectors.joining(language == SpokenLanguage.ZH ? "" : " "));
    }

    private static Map<String, Texts> load() {
        try {
            Map<String, Texts> prompts = new LinkedHashMap<>();
            for (String line : Files.readAllLines(ASTERISK.resolve("prompts.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3) {
                    throw new AssertionError("prompts.tsv: not three columns: " + line);
                }
                if (prompts.put(columns[0], new Texts(columns[1], columns[2])) != null) {
                    throw new AssertionError("prompts.tsv: " + columns[0] + " twice");
                }
            }
            return prompts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
