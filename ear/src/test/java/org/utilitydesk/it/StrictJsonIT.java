package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

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
        Map<String, Long> before = stored();
        MalformedBodies.Outcome outcome = MalformedBodies.sendToEveryMethod(http, ROOT, USER, CREW, PASSWORD);
        System.out.println("strict JSON: " + outcome);
        assertThat(outcome.methods()).as("API methods reading JSON").isGreaterThan(15);
        assertThat(outcome.wrong()).as("bodies not refused with a 400 naming the field").isEmpty();
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
            for (Map.Entry<ApiEndpoints.Endpoint, MalformedBodies.Case> c : List.of(
                    Map.entry(statistics, MalformedBodies.Case.of("{\"dy\":\"2026-01-01\"}", "dy")),
                    Map.entry(statistics, MalformedBodies.Case.of("{\"day\":\"2026-02-30\"}", "day")),
                    Map.entry(statistics, MalformedBodies.Case.of("{\"day\":\"2026-1-5\"}", "day")),
                    Map.entry(reminders, MalformedBodies.Case.of("{\"at\":\"2026-02-28T25:00\"}", "at")),
                    Map.entry(reminders, MalformedBodies.Case.of("{\"at\":\"2026-02-28\"}", "at")))) {
                String problem = MalformedBodies.refusalProblem(http, c.getKey(), c.getValue(), language, USER, CREW, PASSWORD);
                if (problem != null) {
                    wrong.add(c.getKey() + " " + c.getValue() + " [" + language + "]: " + problem);
                }
            }
        }
        assertThat(wrong).as("job parameters not refused with a 400 naming them").isEmpty();
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

}
