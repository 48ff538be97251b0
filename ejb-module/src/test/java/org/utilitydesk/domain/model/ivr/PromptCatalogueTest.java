package org.utilitydesk.domain.model.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/**
 * The catalogue against what names prompts (the application's code, the menu tree's migrations, the
 * readings of numbers and dates) and against the sound files: every prompt named is in it, every prompt
 * in it is used, and each has audible 8 kHz 16-bit mono audio in both languages.
 */
class PromptCatalogueTest {

    private static final Path MIGRATIONS = Path.of("..", "sql", "src", "main", "resources", "db", "migration");
    private static final Path MAIN_CODE = Path.of("src", "main", "java");
    /** A values row of an ivr_node insert: (code, kind, prompt, …); and an update of a node's prompt. */
    private static final Pattern NODE_ROW = Pattern.compile("\\(\\s*'[A-Z0-9_]+'\\s*,\\s*'(?:MENU|ACTION)'\\s*,\\s*(NULL|'([^']*)')");
    private static final Pattern NODE_PROMPT_UPDATE = Pattern.compile("UPDATE\\s+ivr_node\\s+SET\\s+prompt\\s*=\\s*'([^']*)'",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyPromptTheCodeNamesIsInTheCatalogue() {
        List<String> named = new ArrayList<>();
        for (Prompt prompt : Prompt.values()) {
            named.add(prompt.file());
        }
        for (WorkOrderState state : WorkOrderState.values()) {
            named.add(Prompt.orderState(state));
        }
        assertThat(PromptCatalogue.prompts()).containsKeys(named.toArray(String[]::new));
    }

    @Test
    void everyPromptTheMenuTreeNamesIsInTheCatalogue() throws IOException {
        Set<String> named = menuPrompts();
        assertThat(named).as("the seeded menu names prompts").contains("main-menu", "goodbye");
        assertThat(PromptCatalogue.prompts()).containsKeys(named.toArray(String[]::new));
    }

    @Test
    void everyPromptTheReadingsComposeIsInTheCatalogue() {
        assertThat(PromptCatalogue.prompts()).containsKeys(composed().toArray(String[]::new));
    }

    @Test
    void theCatalogueHoldsNothingUnused() throws IOException {
        Set<String> used = new TreeSet<>(composed());
        used.addAll(menuPrompts());
        for (Prompt prompt : Prompt.values()) {
            used.add(prompt.file());
        }
        for (WorkOrderState state : WorkOrderState.values()) {
            used.add(Prompt.orderState(state));
        }
        Set<String> unused = new TreeSet<>(PromptCatalogue.prompts().keySet());
        unused.removeAll(used);
        assertThat(unused).as("prompts nothing plays").isEmpty();
    }

    @Test
    void onlyThePromptPlayerSendsSoundCommands() throws IOException {
        Pattern playing = Pattern.compile("\\.(streamFile|getData|getOption|controlStreamFile|sayAlpha|sayDigits|sayNumber|sayDateTime"
                + "|sayTime|sayPhonetic)\\(|exec\\(\"(Playback|Background|Read|SayNumber|SayDigits)\"");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("Prompts.java")) {
                    continue;
                }
                if (playing.matcher(Files.readString(file)).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).as("code that plays sounds around the catalogue's player").isEmpty();
    }

    @Test
    void everyPromptHasAudibleTelephoneAudioInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (var entry : PromptCatalogue.prompts().entrySet()) {
            for (SpokenLanguage language : SpokenLanguage.values()) {
                Path file = PromptCatalogue.SOUNDS.resolve(language.code()).resolve("utilitydesk").resolve(entry.getKey() + ".wav");
                String text = entry.getValue().in(language);
                if (!Files.isRegularFile(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                String wrong = checkWave(Files.readAllBytes(file), text.startsWith("(silence"));
                if (wrong != null) {
                    problems.add(file + ": " + wrong);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noSoundFileIsLeftWithoutItsPrompt() throws IOException {
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PromptCatalogue.SOUNDS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path inFolder = PromptCatalogue.SOUNDS.relativize(file);
                String name = inFolder.subpath(2, inFolder.getNameCount()).toString().replace('\\', '/').replaceFirst("\\.wav$", "");
                if (!inFolder.getName(1).toString().equals("utilitydesk") || !PromptCatalogue.prompts().containsKey(name)) {
                    strays.add(inFolder.toString());
                }
            }
        }
        assertThat(strays).isEmpty();
    }

    /** Null if the bytes are a PCM WAV Asterisk plays as is (8 kHz, 16-bit, mono) that can be heard, else what is wrong. */
    private static String checkWave(byte[] bytes, boolean silence) {
        ByteBuffer wave = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 44 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            return "not a WAV file";
        }
        int position = 12;
        int format = 0;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (position + 8 <= bytes.length) {
            String chunk = new String(bytes, position, 4, StandardCharsets.US_ASCII);
            int size = wave.getInt(position + 4);
            if (chunk.equals("fmt ")) {
                format = wave.getShort(position + 8);
                channels = wave.getShort(position + 10);
                rate = wave.getInt(position + 12);
                bits = wave.getShort(position + 22);
            } else if (chunk.equals("data")) {
                if (format != 1 || channels != 1 || rate != 8000 || bits != 16) {
                    return "format " + format + ", " + channels + " channels, " + rate + " Hz, " + bits + " bits";
                }
                int samples = Math.min(size, bytes.length - position - 8) / 2;
                if (samples < 800) {
                    return "shorter than 0.1 s";
                }
                double sum = 0;
                for (int i = 0; i < samples; i++) {
                    double s = wave.getShort(position + 8 + 2 * i) / 32768.0;
                    sum += s * s;
                }
                double rmsDb = 10 * Math.log10(sum / samples + 1e-12);
                if (!silence && rmsDb < -30) {
                    return String.format("too quiet (%.1f dBFS)", rmsDb);
                }
                return null;
            }
            position += 8 + size + (size & 1);
        }
        return "no data chunk";
    }

    private static Set<String> menuPrompts() throws IOException {
        Set<String> prompts = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file);
                Matcher row = NODE_ROW.matcher(sql);
                while (row.find()) {
                    if (row.group(2) != null) {
                        prompts.add(row.group(2));
                    }
                }
                Matcher update = NODE_PROMPT_UPDATE.matcher(sql);
                while (update.find()) {
                    prompts.add(update.group(1));
                }
            }
        }
        return prompts;
    }

    /** Every prompt the readings use, over numbers, amounts, dates and times of every shape. */
    private static Set<String> composed() {
        Set<String> prompts = new TreeSet<>();
        LocalDate today = LocalDate.of(2026, 12, 7);
        for (SpokenLanguage language : SpokenLanguage.values()) {
            Reading reading = language.reading();
            for (long n : new long[] {-1, 0, 2, 1_000_000_000_000L, 2_000_000_000L, 1_234_567_890L}) {
                prompts.addAll(reading.number(n));
                prompts.addAll(reading.count(n));
            }
            for (int n = 0; n < 1000; n++) {
                prompts.addAll(reading.number(n));
                prompts.addAll(reading.count(n));
            }
            prompts.addAll(reading.money(new BigDecimal("-12.34")));
            prompts.addAll(reading.digits("0123456789"));
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
                prompts.addAll(reading.date(day, today));
            }
            prompts.addAll(reading.date(LocalDate.of(2027, 1, 1), today));
            prompts.addAll(reading.month(YearMonth.of(1905, 1)));
            prompts.addAll(reading.month(YearMonth.of(1900, 1)));
            for (int minute = 0; minute < 24 * 60; minute += 1) {
                prompts.addAll(reading.time(LocalTime.of(minute / 60, minute % 60)));
            }
            var zone = java.time.ZoneId.of("Asia/Shanghai");
            for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
                prompts.addAll(Utterance.in(language, today).moment(day.atTime(10, 0).atZone(zone)).build().prompts());
            }
        }
        return prompts;
    }
}
