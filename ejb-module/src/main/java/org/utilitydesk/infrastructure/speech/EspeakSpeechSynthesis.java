package org.utilitydesk.infrastructure.speech;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;
import org.utilitydesk.domain.service.SpeechSynthesis;

/**
 * Speech synthesis with espeak-ng (Debian's {@code espeak-ng}: Mandarin and English voices), writing each text
 * once as a telephone prompt into the sounds folder Asterisk plays from ({@code utilitydesk.tts.dir}, the same
 * folder the recorded prompts are installed in: {@code <dir>/<zh|en>/utilitydesk/tts/<hash>.wav}). A text is
 * made once (the file is named by a hash of language, voice and text) and a file unused for
 * {@code utilitydesk.tts.keep-days} is removed. Without the folder configured, or without the engine, nothing
 * is synthesized and callers hear only the recorded prompts; the log says which at start-up.
 */
@ApplicationScoped
public class EspeakSpeechSynthesis implements SpeechSynthesis {

    private static final Logger LOG = Logger.getLogger(EspeakSpeechSynthesis.class.getName());
    /** Part of every file's hash: a change of voice or rate makes new files rather than reusing the old ones. */
    private static final String VOICE = "espeak-ng;cmn:240;en-us:175;v1";
    private static final int MAX_CHARACTERS = 400;
    private static final Duration ENGINE_LIMIT = Duration.ofSeconds(15);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Duration TOUCH_EVERY = Duration.ofDays(1);

    @Inject
    @ConfigProperty(name = "utilitydesk.tts.dir")
    private Optional<String> soundsDir;

    @Inject
    @ConfigProperty(name = "utilitydesk.tts.command", defaultValue = "espeak-ng")
    private String command;

    @Inject
    @ConfigProperty(name = "utilitydesk.tts.keep-days", defaultValue = "30")
    private int keepDays;

    private volatile boolean available;
    private final ConcurrentHashMap<String, Object> making = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public EspeakSpeechSynthesis() {
    }

    /** For tests: an engine command and a sounds folder. */
    EspeakSpeechSynthesis(String command, Path soundsDir, int keepDays) {
        this.command = command;
        this.soundsDir = Optional.of(soundsDir.toString());
        this.keepDays = keepDays;
        start();
    }

    @PostConstruct
    void start() {
        if (soundsDir.isEmpty() || soundsDir.get().isBlank()) {
            LOG.info("speech synthesis is off (utilitydesk.tts.dir not set): callers hear outage reasons only as recorded prompts");
            return;
        }
        try {
            Process probe = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            available = probe.waitFor(ENGINE_LIMIT.toSeconds(), TimeUnit.SECONDS) && probe.exitValue() == 0;
            LOG.info(() -> available ? "speech synthesis: " + version + ", prompts in " + soundsDir.get()
                    : "speech synthesis is off: '" + command + " --version' failed: " + version);
        } catch (IOException e) {
            LOG.warning(() -> "speech synthesis is off: " + command + " cannot run (" + e.getMessage() + "); install espeak-ng");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> prompt(SpokenLanguage language, String text) {
        String spoken = speakable(text);
        if (!available || spoken.isEmpty()) {
            return Optional.empty();
        }
        String name = "tts/" + language.code() + "-" + hash(language.code() + "\n" + VOICE + "\n" + spoken);
        Path file = Path.of(soundsDir.get(), language.code(), "utilitydesk", name + ".wav");
        try {
            synchronized (making.computeIfAbsent(name, n -> new Object())) {
                try {
                    if (Files.isRegularFile(file)) {
                        touch(file);
                    } else {
                        make(language, spoken, file);
                    }
                } finally {
                    making.remove(name);
                }
            }
            sweep();
            return Optional.of(name);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "speech synthesis failed for a " + language.code() + " text of " + spoken.length()
                    + " characters; the caller hears the recorded prompts only", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The text as it is spoken: control and direction-override characters out, white space as single spaces,
     * at most {@value #MAX_CHARACTERS} characters (a caller will not listen to more).
     */
    static String speakable(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replaceAll("[\\p{Cc}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
        return plain.length() > MAX_CHARACTERS ? plain.substring(0, MAX_CHARACTERS) : plain;
    }

    private void make(SpokenLanguage language, String text, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Path raw = Files.createTempFile(file.getParent(), ".tts-", ".raw.wav");
        try {
            List<String> engine = language == SpokenLanguage.ZH
                    ? List.of(command, "-v", "cmn", "-s", "240", "-w", raw.toString(), "--stdin")
                    : List.of(command, "-v", "en-us", "-s", "175", "-w", raw.toString(), "--stdin");
            // the text goes in on standard input: it is never read as an option or by a shell
            Process process = new ProcessBuilder(engine).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            byte[] said;
            try (InputStream out = process.getInputStream()) {
                said = out.readNBytes(4096);
            }
            if (!process.waitFor(ENGINE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " took longer than " + ENGINE_LIMIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command + " failed (" + process.exitValue() + "): " + new String(said, StandardCharsets.UTF_8));
            }
            Path part = Files.createTempFile(file.getParent(), ".tts-", ".wav");
            Files.write(part, TelephoneAudio.convert(Files.readAllBytes(raw)));
            readableByAsterisk(part);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Asterisk runs as a user of its own: the prompt must be readable by others (a temporary file is private). */
    private static void readableByAsterisk(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** A file in use is kept: its time is moved on, at most once a day. */
    private static void touch(Path file) throws IOException {
        Instant now = Instant.now();
        if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(TOUCH_EVERY))) {
            Files.setLastModifiedTime(file, FileTime.from(now));
        }
    }

    /** At most hourly: removes the files no call used for keep-days (old notices' texts). */
    private void sweep() {
        Instant now = Instant.now();
        Instant last = lastSweep.get();
        if (last.plus(SWEEP_EVERY).isAfter(now) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        Instant before = now.minus(Duration.ofDays(keepDays));
        for (SpokenLanguage language : SpokenLanguage.values()) {
            Path folder = Path.of(soundsDir.get(), language.code(), "utilitydesk", "tts");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not clean up old synthesized prompts in " + folder, e);
            }
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
