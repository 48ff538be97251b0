package org.utilitydesk.infrastructure.notification;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an outbox row (template name + JSON parameters) into the text a customer or colleague reads. */
@ApplicationScoped
public class NotificationTemplates {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private final Properties texts = new Properties();

    public NotificationTemplates() {
        try (InputStream in = NotificationTemplates.class.getResourceAsStream("templates.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("notification templates cannot be read", e);
        }
    }

    /** The text of {@code template}'s part ("" for SMS, "subject" or "body" for e-mail). */
    public String render(String template, String part, String payloadJson) {
        String key = part.isEmpty() ? template : template + "." + part;
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no notification template " + key);
        }
        JsonObject payload;
        try (JsonReader reader = JSON.createReader(new StringReader(payloadJson))) {
            payload = reader.readObject();
        }
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = payload.containsKey(name) ? payload.getString(name, "") : "";
            m.appendReplacement(out, Matcher.quoteReplacement("due".equals(name) ? beijingTime(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String beijingTime(String instant) {
        try {
            return BEIJING.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
