package org.utilitydesk.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.utilitydesk.it.RequestTypes.Kind;
import org.utilitydesk.it.RequestTypes.Shape;

/**
 * Request bodies that are wrong for an API method's declared type in every way a careless channel gets them wrong, each
 * with the field its refusal must name, and the check of the answer: a 400 naming the field, in Chinese or English as
 * asked. Written from the type ({@link RequestTypes}), not picked by hand; sent by {@link StrictJsonIT} and the
 * benchmark of hostile clients.
 */
final class MalformedBodies {

    private static final Pattern FIELD = Pattern.compile("\"field\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private MalformedBodies() {
    }

    /** What sending every method its malformed bodies came to: bodies sent, methods, answers that were wrong (and how). */
    record Outcome(int sent, int methods, List<String> wrong, long millis) {
        @Override
        public String toString() {
            return String.format("%d malformed bodies to %d API methods, %d refused as they should be, %d not (%d ms, %.1f ms each)",
                    sent, methods, sent - wrong.size(), wrong.size(), millis, (double) millis / Math.max(1, sent));
        }
    }

    /**
     * Sends every API method that reads JSON (as the source at {@code root} declares them) each of its malformed bodies,
     * in Chinese and in English, as {@code office} (every office role) or {@code crew}, and checks each answer.
     */
    static Outcome sendToEveryMethod(HttpClient http, java.nio.file.Path root, String office, String crew, String password)
            throws Exception {
        RequestTypes types = new RequestTypes(root);
        List<ApiEndpoints.Endpoint> json = ApiEndpoints.declared(root).stream()
                .filter(e -> e.body() && e.consumes().contains("json")).toList();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (ApiEndpoints.Endpoint e : json) {
            List<Case> cases = cases(types.shape(e.bodyType()));
            if (cases.size() < 5) {
                wrong.add(e + ": only " + cases.size() + " bodies written for " + e.bodyType());
            }
            for (Case c : cases) {
                for (String language : List.of("zh-CN", "en")) {
                    sent++;
                    String problem = refusalProblem(http, e, c, language, office, crew, password);
                    if (problem != null) {
                        wrong.add(e + " " + c + " [" + language + "]: " + problem);
                    }
                }
            }
        }
        return new Outcome(sent, json.size(), wrong, (System.nanoTime() - started) / 1_000_000);
    }

    /** A body and the field its refusal must name (empty: the body as a whole). */
    record Case(byte[] body, String field) {
        static Case of(String json, String field) {
            return new Case(json.getBytes(StandardCharsets.UTF_8), field);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return (text.length() > 80 ? text.substring(0, 80) + "…" : text) + " → " + (field.isEmpty() ? "(body)" : field);
        }
    }

    /** What is wrong with the answer to a bad body, or null if it is the 400 it should be. */
    static String refusalProblem(HttpClient http, ApiEndpoints.Endpoint e, Case c, String language, String office,
                                 String crew, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.app("api/" + ApiEndpoints.filled(e, null, null)).toString()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Accept-Language", language)
                .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        String user = e.path().startsWith("crew/") ? crew : e.path().startsWith("portal/") ? null : office;
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = answer.body();
        if (answer.statusCode() != 400) {
            return answer.statusCode() + " " + abbreviated(body);
        }
        Matcher message = MESSAGE.matcher(body);
        if (!message.find()) {
            return "no message: " + abbreviated(body);
        }
        String text = message.group(1);
        if (CJK.matcher(text).find() != language.startsWith("zh")) {
            return "message not in " + language + ": " + text;
        }
        if (!c.field().isEmpty()) {
            Matcher field = FIELD.matcher(body);
            if (!field.find() || !field.group(1).equals(c.field())) {
                return "field " + (field.find(0) ? field.group(1) : "missing") + ": " + text;
            }
            if (!text.contains(c.field())) {
                return "message does not name " + c.field() + ": " + text;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- the bodies

    /** The bodies that are wrong for a request of this shape, and the field each must be refused for. */
    static List<Case> cases(Shape shape) {
        List<Case> cases = new ArrayList<>();
        switch (shape.kind()) {
            case RECORD -> {
                cases.add(Case.of("[{}]", ""));
                cases.add(Case.of("{} trailing", ""));
                cases.add(Case.of("{}{}", ""));
                cases.add(Case.of("{\"a\":", ""));
                cases.add(new Case(notUtf8("{\"a\":\"", "\"}"), ""));
                cases.addAll(fieldCases(shape, ""));
            }
            case LIST -> {
                cases.add(Case.of("{}", ""));
                cases.add(Case.of("[] trailing", ""));
                cases.add(Case.of("[{}", ""));
                cases.add(new Case(notUtf8("[\"", "\"]"), ""));
                cases.addAll(wrongValues(shape.item()).entrySet().stream()
                        .map(bad -> Case.of("[" + bad.getKey() + "]", "[0]" + bad.getValue())).toList());
                if (shape.item().kind() == Kind.RECORD) {
                    fieldCases(shape.item(), "").forEach(c -> cases.add(new Case(wrapped(c.body(), "[", "]"),
                            "[0]" + (c.field().isEmpty() ? "" : "." + c.field()))));
                }
            }
            case MAP -> {
                cases.add(Case.of("[]", ""));
                cases.add(Case.of("{} trailing", ""));
                cases.add(new Case(notUtf8("{\"a\":\"", "\"}"), ""));
                cases.add(Case.of("{\"day\":\"a\",\"day\":\"b\"}", "day"));
                wrongValues(shape.item()).forEach((bad, suffix) -> cases.add(Case.of("{\"day\":" + bad + "}", "day" + suffix)));
            }
            default -> throw new IllegalArgumentException("a body of " + shape.kind() + " is not a request type");
        }
        return cases;
    }

    /** A field the type does not have, the same field twice, and each field given each wrong value for its kind. */
    private static List<Case> fieldCases(Shape record, String at) {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("{\"zzNoSuchField\":1}", "zzNoSuchField"));
        for (Map.Entry<String, Shape> field : record.fields().entrySet()) {
            String name = field.getKey();
            String good = goodValue(field.getValue());
            if (good != null) {
                cases.add(Case.of("{\"" + name + "\":" + good + ",\"" + name + "\":" + good + "}", name));
            }
            wrongValues(field.getValue()).forEach((bad, suffix) -> cases.add(Case.of("{\"" + name + "\":" + bad + "}", name + suffix)));
        }
        return cases;
    }

    /** A value of the right kind (for a duplicate), or null where only the type's own values would do. */
    private static String goodValue(Shape shape) {
        return switch (shape.kind()) {
            case TEXT -> "\"x\"";
            case INT, LONG -> "1";
            case BOOLEAN, PRIMITIVE_BOOLEAN -> "true";
            case DAY -> "\"2026-01-31\"";
            case LIST -> "[]";
            default -> null;
        };
    }

    /** Wrong values for a kind, each with what follows the field's name in the refusal (an item's index). */
    private static Map<String, String> wrongValues(Shape shape) {
        Map<String, String> bad = new LinkedHashMap<>();
        switch (shape.kind()) {
            case TEXT -> List.of("true", "7", "{}", "[\"x\"]", "\"a\\u0000b\"", "\"\\ud83d\"").forEach(v -> bad.put(v, ""));
            case ENUM -> List.of("true", "0", "\"NO_SUCH_VALUE\"", "\"\"", "{}").forEach(v -> bad.put(v, ""));
            case INT -> List.of("1.5", "1.0", "4294967297", "-2147483649", "1e400", "\"7\"", "true", "[]").forEach(v -> bad.put(v, ""));
            case LONG -> List.of("1.5", "9223372036854775808", "1" + "0".repeat(400), "\"7\"", "false", "{}").forEach(v -> bad.put(v, ""));
            case BOOLEAN -> List.of("\"true\"", "1", "{}").forEach(v -> bad.put(v, ""));
            case PRIMITIVE_BOOLEAN -> List.of("\"true\"", "1", "{}", "null").forEach(v -> bad.put(v, ""));
            case DAY -> List.of("\"2026-02-30\"", "\"2026-13-01\"", "\"0000-00-00\"", "20260101").forEach(v -> bad.put(v, ""));
            case LIST -> {
                List.of("\"x\"", "{}", "7").forEach(v -> bad.put(v, ""));
                wrongValues(shape.item()).forEach((v, suffix) -> bad.put("[" + v + "]", "[0]" + suffix));
            }
            case RECORD, MAP -> List.of("\"x\"", "[]", "7").forEach(v -> bad.put(v, ""));
            default -> throw new IllegalArgumentException(shape.kind().name());
        }
        return bad;
    }

    private static byte[] notUtf8(String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static byte[] wrapped(byte[] body, String before, String after) {
        return (before + new String(body, StandardCharsets.UTF_8) + after).getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
