package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.it.RequestTypes.Kind;
import org.utilitydesk.it.RequestTypes.Shape;

/**
 * Every API method that reads a JSON body is sent bodies that are wrong in each of its fields, written from the
 * method's declared type rather than picked by hand ({@link ApiEndpoints}, {@link RequestTypes}): a field the type
 * does not have, text given as a number, {@code true} or an object, whole numbers with fractions or beyond their type,
 * {@code "true"} for true, enum values that do not exist, days not in the calendar, a list for an object and the
 * reverse, the same field twice, control characters, trailing garbage, bytes that are not UTF-8, JSON cut short. Each
 * must be a 400 that names the field (in the message, in Chinese and in English, and in {@code field}), and nothing
 * may have been stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StrictJsonIT {

    private static final Path ROOT = Path.of(System.getProperty("it.root", ".."));
    private static final String USER = "strict-json";
    private static final String CREW = "strict-json-crew";
    private static final String PASSWORD = "only-what-it-reads-1";
    private static final Pattern FIELD = Pattern.compile("\"field\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

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

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeAll
    static void users() throws Exception {
        TestEnvironment.everyRole(USER, CREW, PASSWORD);
    }

    @Test
    void everyBodyThatIsNotWhatItsEndpointReadsIsRefusedNamingTheField() throws Exception {
        RequestTypes types = new RequestTypes(ROOT);
        List<ApiEndpoints.Endpoint> json = ApiEndpoints.declared(ROOT).stream()
                .filter(e -> e.body() && e.consumes().contains("json")).toList();
        assertThat(json).as("API methods reading JSON").hasSizeGreaterThan(15);
        Map<String, Long> before = stored();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (ApiEndpoints.Endpoint e : json) {
            Shape shape = types.shape(e.bodyType());
            List<Case> cases = cases(shape);
            assertThat(cases).as(e + " bodies").hasSizeGreaterThan(4);
            for (Case c : cases) {
                for (String language : List.of("zh-CN", "en")) {
                    sent++;
                    String problem = refusalProblem(e, c, language);
                    if (problem != null) {
                        wrong.add(e + " " + c + " [" + language + "]: " + problem);
                    }
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("strict JSON: %d malformed bodies to %d API methods, %d refused as they should be, %d not"
                + " (%d ms, %.1f ms each)%n", sent, json.size(), sent - wrong.size(), wrong.size(), millis, (double) millis / sent);
        assertThat(wrong).as("bodies not refused with a 400 naming the field").isEmpty();
        assertThat(stored()).as("rows the API writes, before and after the refused bodies").isEqualTo(before);
    }

    /** A job's parameters are its request's fields: one it does not have, or a day or moment that does not exist. */
    @Test
    void jobParametersAreFieldsToo() throws Exception {
        ApiEndpoints.Endpoint start = ApiEndpoints.declared(ROOT).stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("jobs/{name}")).findFirst().orElseThrow();
        ApiEndpoints.Endpoint statistics = new ApiEndpoints.Endpoint("POST", "jobs/nightly-statistics", List.of(), List.of(),
                true, start.consumes(), start.bodyType());
        ApiEndpoints.Endpoint reminders = new ApiEndpoints.Endpoint("POST", "jobs/payment-reminders", List.of(), List.of(),
                true, start.consumes(), start.bodyType());
        List<String> wrong = new ArrayList<>();
        for (String language : List.of("zh-CN", "en")) {
            for (Map.Entry<ApiEndpoints.Endpoint, Case> c : List.of(
                    Map.entry(statistics, Case.of("{\"dy\":\"2026-01-01\"}", "dy")),
                    Map.entry(statistics, Case.of("{\"day\":\"2026-02-30\"}", "day")),
                    Map.entry(statistics, Case.of("{\"day\":\"2026-1-5\"}", "day")),
                    Map.entry(reminders, Case.of("{\"at\":\"2026-02-28T25:00\"}", "at")),
                    Map.entry(reminders, Case.of("{\"at\":\"2026-02-28\"}", "at")))) {
                String problem = refusalProblem(c.getKey(), c.getValue(), language);
                if (problem != null) {
                    wrong.add(c.getKey() + " " + c.getValue() + " [" + language + "]: " + problem);
                }
            }
        }
        assertThat(wrong).as("job parameters not refused with a 400 naming them").isEmpty();
    }

    /** What is wrong with the answer to a bad body, or null if it is the 400 it should be. */
    private String refusalProblem(ApiEndpoints.Endpoint e, Case c, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.app("api/" + ApiEndpoints.filled(e, null, null)).toString()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Accept-Language", language)
                .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        String user = e.path().startsWith("crew/") ? CREW : e.path().startsWith("portal/") ? null : USER;
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
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

    // ---------------------------------------------------------------------------------------------- helpers


    /** What the JSON methods write, counted: a refused body must leave every count as it was. */
    private static Map<String, Long> stored() throws Exception {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("work orders", "SELECT COUNT(*) FROM work_order");
        counts.put("work order events by the test's users", "SELECT COUNT(*) FROM work_order_event WHERE actor IN ('"
                + USER + "', '" + CREW + "')");
        counts.put("article versions", "SELECT COUNT(*) FROM kb_article_version");
        counts.put("votes", "SELECT COUNT(*) FROM kb_vote");
        counts.put("outbound calls", "SELECT COUNT(*) FROM outbound_call");
        counts.put("answered surveys", "SELECT COUNT(*) FROM survey WHERE score IS NOT NULL");
        counts.put("resolved incidents", "SELECT COUNT(*) FROM incident WHERE state <> 'OPEN'");
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> count : counts.entrySet()) {
                try (ResultSet rs = st.executeQuery(count.getValue())) {
                    rs.next();
                    result.put(count.getKey(), rs.getLong(1));
                }
            }
        }
        return result;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
