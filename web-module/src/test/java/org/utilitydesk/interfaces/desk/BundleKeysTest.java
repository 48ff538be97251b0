package org.utilitydesk.interfaces.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.utilitydesk.domain.model.customer.ContactChannel;
import org.utilitydesk.domain.model.customer.ContactRefusedException;

/**
 * Every text the pages and beans name is in both languages: the bundles have the same keys, and each key named
 * literally in a page ({@code msg['…']}) or in a bean ({@code FacesText.text("…")}, {@code message(…, "…")}) exists.
 */
class BundleKeysTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/utilitydesk/interfaces");
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    private static final Pattern BEAN_KEY = Pattern.compile(
            "FacesText\\.(?:text|message)\\((?:FacesMessage\\.SEVERITY_[A-Z]+, )?\"([A-Za-z0-9_.]+)\"");
    private static final Pattern PREFIX = Pattern.compile("(?:msg\\['|labels\\.code\\(')([A-Za-z0-9_]+\\.)'");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = bundle("zh").stringPropertyNames();
        Set<String> en = bundle("en").stringPropertyNames();
        assertThat(new TreeSet<>(en)).as("keys in zh missing in en").containsAll(zh);
        assertThat(new TreeSet<>(zh)).as("keys in en missing in zh").containsAll(en);
    }

    @Test
    void everyKeyAPageOrBeanNamesExists() throws IOException {
        Set<String> keys = bundle("zh").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path file : files(Path.of("src/main/webapp"), ".xhtml")) {
            String page = Files.readString(file);
            found(PAGE_KEY.matcher(page), keys, missing, file);
            Matcher prefix = PREFIX.matcher(page);
            while (prefix.find()) {
                prefixes.add(prefix.group(1));
            }
        }
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            found(BEAN_KEY.matcher(Files.readString(file)), keys, missing, file);
        }
        assertThat(missing).as("keys named but not in the bundle").isEmpty();
        for (String prefix : prefixes) {
            assertThat(keys).as("a page names codes as %s… but the bundle has none", prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void everyContactChannelAndRefusalHasItsWords() throws IOException {
        for (String language : new String[] {"zh", "en"}) {
            Set<String> keys = bundle(language).stringPropertyNames();
            Stream.concat(Arrays.stream(ContactChannel.values()).map(Enum::name), Stream.of("CALL_IN", "CALL_OUT", "PORTAL", "SMS", "API", "IVR"))
                    .forEach(c -> assertThat(keys).as(language).contains("contactChannel." + c));
            Arrays.stream(ContactRefusedException.Reason.values())
                    .forEach(r -> assertThat(keys).as(language).contains("contact.refused." + r.name()));
            Arrays.stream(CustomerCase.OrderChoice.values())
                    .forEach(c -> assertThat(keys).as(language).contains("contact.orderChoice." + c.name()));
        }
    }

    private static void found(Matcher m, Set<String> keys, Set<String> missing, Path file) {
        while (m.find()) {
            String key = m.group(1);
            if (!key.endsWith(".") && !keys.contains(key)) {
                missing.add(key + " (" + file.getFileName() + ")");
            }
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve("messages_" + language + ".properties"));
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static java.util.List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
