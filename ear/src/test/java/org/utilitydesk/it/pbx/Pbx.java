package org.utilitydesk.it.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Asterisk that server-config/bin/test builds from source and starts with the project's sample
 * configuration, as the test script describes it in the file named by the system property {@code it.pbx.config}
 * (ports, the tests' manager login, folders). Without it (no Asterisk sources where the script looks) the
 * real-PBX tests are skipped, saying why.
 */
public final class Pbx {

    private static Pbx instance;

    private final Properties settings;

    private Pbx(Properties settings) {
        this.settings = settings;
    }

    /** The running Asterisk, or the calling test is skipped with the reason. */
    public static synchronized Pbx get() {
        if (instance == null) {
            String file = System.getProperty("it.pbx.config", "");
            Assumptions.assumeTrue(!file.isBlank() && !file.startsWith("${") && Files.isRegularFile(Path.of(file)),
                    "no real Asterisk in this run (it.pbx.config names no file): server-config/bin/test starts one when it"
                            + " finds Asterisk sources (UD_ASTERISK_SOURCES) or an installed Asterisk (UD_ASTERISK_HOME)");
            Properties settings = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                settings.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            instance = new Pbx(settings);
        }
        return instance;
    }

    /** A setting of the file, e.g. sip.port; fails if it is missing. */
    public String get(String key) {
        String value = settings.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("it.pbx.config has no " + key);
        }
        return value;
    }

    int port(String key) {
        return Integer.parseInt(get(key));
    }

    /** Where Asterisk takes SIP. */
    public int sipPort() {
        return port("sip.port");
    }

    /** Asterisk's own folders (log, spool, sounds) under this one. */
    public Path home() {
        return Path.of(get("dir"));
    }

    /** A new connection to Asterisk's manager interface with the tests' own login, following every event. */
    public ManagerEvents events() throws IOException {
        return new ManagerEvents("127.0.0.1", port("ami.port"), get("ami.tests.user"), get("ami.tests.secret"));
    }
}
