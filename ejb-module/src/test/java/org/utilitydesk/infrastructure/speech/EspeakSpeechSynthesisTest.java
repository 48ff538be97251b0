package org.utilitydesk.infrastructure.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;

/**
 * Free text through Debian's espeak-ng into the sounds folder, once per text. The test command installs
 * espeak-ng; run elsewhere without it, the tests that need the engine say so and are skipped.
 */
class EspeakSpeechSynthesisTest {

    @TempDir
    Path sounds;

    private static boolean engineInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/espeak-ng"));
    }

    @Test
    void aTextBecomesATelephonePromptInItsLanguagesFolderOnce() throws Exception {
        assumeTrue(engineInstalled(), "espeak-ng is not installed (sudo apt-get install espeak-ng)");
        EspeakSpeechSynthesis speech = new EspeakSpeechSynthesis("espeak-ng", sounds, 30);

        Optional<String> prompt = speech.prompt(SpokenLanguage.ZH, "10千伏线路检修，请提前做好准备。");
        assertThat(prompt).hasValueSatisfying(name -> assertThat(name).matches("tts/zh-[0-9a-f]{24}"));
        Path file = sounds.resolve("zh/utilitydesk/" + prompt.get() + ".wav");
        TelephoneAudioTest.Wave wave = TelephoneAudioTest.Wave.of(Files.readAllBytes(file));
        assertThat(wave.rate()).isEqualTo(8000);
        assertThat(wave.samples().length / 8000.0).as("seconds of speech").isBetween(1.5, 15.0);
        assertThat(wave.rmsDb()).isGreaterThan(-25);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("readable by Asterisk's own user").isEqualTo("rw-r--r--");

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        FileTime before = Files.getLastModifiedTime(file);
        assertThat(speech.prompt(SpokenLanguage.ZH, "  10千伏线路检修，请提前做好准备。\n")).as("the same words, made once").isEqualTo(prompt);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        assertThat(speech.prompt(SpokenLanguage.EN, "Cable repair")).hasValueSatisfying(name -> {
            assertThat(name).startsWith("tts/en-");
            assertThat(sounds.resolve("en/utilitydesk/" + name + ".wav")).isRegularFile();
        });
        try (var left = Files.list(sounds.resolve("zh/utilitydesk/tts"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files left").allMatch(n -> !n.startsWith("."));
        }
    }

    @Test
    void filesNoCallUsedForTheKeepingTimeAreRemoved() throws Exception {
        assumeTrue(engineInstalled(), "espeak-ng is not installed (sudo apt-get install espeak-ng)");
        Path old = sounds.resolve("zh/utilitydesk/tts/zh-000000000000000000000000.wav");
        Files.createDirectories(old.getParent());
        Files.write(old, new byte[100]);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(31, ChronoUnit.DAYS)));
        new EspeakSpeechSynthesis("espeak-ng", sounds, 30).prompt(SpokenLanguage.ZH, "停电");
        assertThat(old).doesNotExist();
    }

    @Test
    void withoutAnEngineThereIsNoPromptAndNoFile() {
        EspeakSpeechSynthesis speech = new EspeakSpeechSynthesis("/nonexistent/espeak-ng", sounds, 30);
        assertThat(speech.prompt(SpokenLanguage.ZH, "线路检修")).isEmpty();
        assertThat(sounds).isEmptyDirectory();
    }

    @Test
    void whatIsSpokenHasNoControlOrDirectionCharactersAndALimit() {
        assertThat(EspeakSpeechSynthesis.speakable("线路\u202E检修\u0007\t 明天")).isEqualTo("线路 检修 明天");
        assertThat(EspeakSpeechSynthesis.speakable(null)).isEmpty();
        assertThat(EspeakSpeechSynthesis.speakable("很".repeat(1000))).hasSize(400);
    }
}
