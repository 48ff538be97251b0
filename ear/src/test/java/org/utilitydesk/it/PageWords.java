package org.utilitydesk.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a rendered page says that no person should read: stored codes (enum constants of the application) instead of
 * their names, ISO timestamps instead of local times, message keys and placeholders instead of texts. Read from the
 * page's visible text (scripts, styles and markup removed), against the constants and keys of the sources.
 */
final class PageWords {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b.*?</script>|<style\\b.*?</style>|<head\\b.*?</head>|<textarea\\b.*?</textarea>"
            // verbatim data shown as such (a dead letter's message body): not words of the page
            + "|<code\\b.*?</code>|<pre\\b.*?</pre>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern UNDERSCORED = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9]{2,}\\b");
    private static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d\\}|\\?\\?\\?");
    private static final Pattern ENUM = Pattern.compile("\\benum\\s+\\w+\\s*\\{([^}]*?)(?:;|\\})", Pattern.DOTALL);
    /** Upper-case words a Chinese page may show as they are: names of things, not codes. */
    private static final Set<String> AS_IS = Set.of("VIP", "CSV", "XLSX", "PDF", "SLA", "IVR", "JPEG", "PNG", "UTF");

    private final Set<String> constants;
    private final Set<String> keys;

    private PageWords(Set<String> constants, Set<String> keys) {
        this.constants = constants;
        this.keys = keys;
    }

    /** The enum constants of the EJB and web modules and the keys of the pages' bundle, read from the sources. */
    static PageWords fromSources() throws IOException {
        Set<String> constants = new TreeSet<>();
        for (String module : new String[] {"../ejb-module/src/main/java", "../web-module/src/main/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = ENUM.matcher(Files.readString(file));
                    while (m.find()) {
                        for (String constant : m.group(1).replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "").split(",")) {
                            String name = constant.strip().replaceAll("\\(.*", "").strip();
                            if (name.matches("[A-Z][A-Z0-9_]{2,}")) {
                                constants.add(name);
                            }
                        }
                    }
                }
            }
        }
        Properties bundle = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("../web-module/src/main/resources/org/utilitydesk/interfaces/messages_zh.properties"));
             InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return new PageWords(constants, new TreeSet<>(bundle.stringPropertyNames()));
    }

    int constantCount() {
        return constants.size();
    }

    /** The page's text as a person reads it. */
    static String visible(String html) {
        String text = TAG.matcher(SCRIPT.matcher(html).replaceAll(" ")).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String plain = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(plain));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ");
    }

    /** What the page shows that it should not, each with a little of the text around it; empty if nothing. */
    List<String> findings(String html, boolean chinese) {
        String text = visible(html);
        List<String> found = new ArrayList<>();
        find(UNDERSCORED.matcher(text), text, "code", found, w -> true);
        if (chinese) {
            find(WORD.matcher(text), text, "code", found, w -> constants.contains(w) && !AS_IS.contains(w));
        }
        find(ISO.matcher(text), text, "ISO time", found, w -> true);
        find(PLACEHOLDER.matcher(text), text, "placeholder", found, w -> true);
        for (String key : keys) {
            int at = text.indexOf(key);
            if (key.contains(".") && at >= 0 && (at + key.length() == text.length() || !Character.isLetterOrDigit(text.charAt(at + key.length())))
                    && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))) {
                found.add("key " + key + ": …" + around(text, at, key.length()) + "…");
            }
        }
        return found;
    }

    private static void find(Matcher m, String text, String what, List<String> found, java.util.function.Predicate<String> counts) {
        while (m.find()) {
            if (counts.test(m.group())) {
                found.add(what + " " + m.group() + ": …" + around(text, m.start(), m.group().length()) + "…");
            }
        }
    }

    private static String around(String text, int at, int length) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + length + 30));
    }
}
