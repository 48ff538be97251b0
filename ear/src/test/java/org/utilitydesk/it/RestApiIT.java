package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.TestEnvironment.FIRST_ACCOUNT;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.sql.AccountNumbers;

/** The REST API over HTTP, as a channel sees it: the real EAR, unchanged, answering real requests. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    private HttpResponse<String> get(HttpRequest.Builder request) throws Exception {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCustomerIsFoundByAccountNumberWithPersonalDataMasked() throws Exception {
        HttpResponse<String> response = get(as("agent01", "agent123", app("api/customers/" + FIRST_ACCOUNT)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body())
                .contains("\"accountNumber\":\"" + FIRST_ACCOUNT + "\"")
                .contains("\"mobilePhone\":\"138****0001\"")
                .contains("\"serviceArea\":\"桐庐县供电所\"")
                .doesNotContain("13800000001")
                .containsPattern("\"supplyAddress\":\"[^\"]*号\\*\\*\\*\\*\"");
    }

    @Test
    void anUnknownButWellFormedNumberIs404WithAClearJsonError() throws Exception {
        String unknown = AccountNumbers.fromSerial(999_999_999L);
        HttpResponse<String> response = get(as("agent01", "agent123", app("api/customers/" + unknown)));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"accountNotFound\"").contains("未找到户号 " + unknown);
    }

    @Test
    void aMalformedNumberIs400InTheCallersLanguage() throws Exception {
        HttpResponse<String> chinese = get(as("agent01", "agent123", app("api/customers/12345")));
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(chinese.body()).contains("\"code\":\"badAccountNumber\"").contains("户号格式不正确");

        HttpResponse<String> english = get(as("agent01", "agent123", app("api/customers/1000000017"))
                .header("Accept-Language", "en-US,en;q=0.8"));
        assertThat(english.statusCode()).as("bad check digit").isEqualTo(400);
        assertThat(english.body()).contains("not a valid account number");
    }

    @Test
    void withoutOrWithWrongCredentialsTheAnswerIs401() throws Exception {
        HttpResponse<String> none = get(HttpRequest.newBuilder(app("api/customers/" + FIRST_ACCOUNT)));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"code\":\"unauthorized\"");

        HttpResponse<String> wrong = get(as("agent01", "not-the-password", app("api/customers/" + FIRST_ACCOUNT)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(wrong.body()).doesNotContain("曾博萱");
    }

    @Test
    void anAgentMayNotStartBatchJobs() throws Exception {
        HttpResponse<String> response = http.send(as("agent01", "agent123", app("api/jobs/overdue-bills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"forbidden\"");
    }

    @Test
    void aWorkOrderOpenedThroughTheApiIsValidatedStoredAndRouted() throws Exception {
        HttpResponse<String> invalid = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FAULT_REPAIR\",\"subject\":\"\",\"contactPhone\":\"abc\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("subject is required").contains("contactPhone must be");
        HttpResponse<String> chinese = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FAULT_REPAIR\",\"subject\":\"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chinese.body()).as("validation in the caller's language").contains("subject（主题）为必填项");

        HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FAULT_REPAIR\",\"accountNumber\":\"" + FIRST_ACCOUNT
                        + "\",\"subject\":\"家里停电了\",\"contactPhone\":\"13800000001\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.body()).contains("\"state\":\"NEW\"").contains("\"channel\":\"API\"");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                get(as("agent01", "agent123", java.net.URI.create(location))).body().contains("\"state\":\"DISPATCHED\""));
        assertThat(get(as("agent01", "agent123", java.net.URI.create(location))).body()).contains("桐庐抢修班");
    }

    @Test
    void aBatchOfWorkOrdersIsStoredWhollyOrNotAtAllAndEachIsRouted() throws Exception {
        String run = "batch-" + System.nanoTime();
        String good = order(FIRST_ACCOUNT, run + "-a", "电费咨询");

        HttpResponse<String> invalid = postBatch("[" + good + "," + order(FIRST_ACCOUNT, run + "-b", "") + "]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("[1] subject is required");

        String unknown = AccountNumbers.fromSerial(999_999_998L);
        HttpResponse<String> refused = postBatch("[" + good + "," + order(unknown, run + "-c", "咨询") + "]");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("\"code\":\"accountNotFound\"").contains(unknown);
        assertThat(TestEnvironment.row("SELECT COUNT(*) n FROM work_order WHERE request_key LIKE ?", run + "%").get("n"))
                .as("nothing of a refused batch is stored").isEqualTo("0");

        HttpResponse<String> tooMany = postBatch("[" + String.join(",", java.util.Collections.nCopies(501, good)) + "]");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("a batch holds 1 to 500 work orders");

        String batch = "[" + good + "," + order(FIRST_ACCOUNT, run + "-d", "表计咨询") + "," + good + "]";
        HttpResponse<String> created = postBatch(batch);
        assertThat(created.statusCode()).isEqualTo(201);
        java.util.List<String> numbers = orderNumbers(created.body());
        assertThat(numbers).hasSize(3);
        assertThat(numbers.get(2)).as("the same request key twice in one batch is one order").isEqualTo(numbers.get(0));
        assertThat(numbers.get(1)).isNotEqualTo(numbers.get(0));
        assertThat(created.body()).contains("\"requestKey\":\"" + run + "-d\"").contains("\"state\":\"NEW\"");

        for (String orderNo : java.util.Set.copyOf(numbers)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    get(as("agent01", "agent123", app("api/work-orders/" + orderNo))).body().contains("\"state\":\"DISPATCHED\""));
        }
        HttpResponse<String> again = postBatch(batch);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(orderNumbers(again.body())).as("a batch sent again gives the orders made the first time").isEqualTo(numbers);
        assertThat(TestEnvironment.row("SELECT COUNT(*) n FROM work_order WHERE request_key LIKE ?", run + "%").get("n"))
                .isEqualTo("2");
    }

    @Test
    void aRequestKeyUsedAgainForADifferentRequestIs409AndChangesNothing() throws Exception {
        String key = "reuse-" + System.nanoTime();
        HttpResponse<String> first = post("api/work-orders", order(FIRST_ACCOUNT, key, "电费咨询"));
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> retry = post("api/work-orders", order(FIRST_ACCOUNT, key, "电费咨询"));
        assertThat(retry.statusCode()).as("the same request again is a retry").isEqualTo(201);
        assertThat(orderNumbers(retry.body())).isEqualTo(orderNumbers(first.body()));

        HttpResponse<String> other = post("api/work-orders", order(FIRST_ACCOUNT, key, "表计咨询"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("\"code\":\"requestKeyReused\"").contains(key).doesNotContain("orderNo");
        HttpResponse<String> inABatch = postBatch("[" + order(FIRST_ACCOUNT, key + "-new", "咨询") + ","
                + order(FIRST_ACCOUNT, key, "表计咨询") + "]");
        assertThat(inABatch.statusCode()).isEqualTo(409);
        HttpResponse<String> twiceInABatch = postBatch("[" + order(FIRST_ACCOUNT, key + "-b", "咨询") + ","
                + order(FIRST_ACCOUNT, key + "-b", "另一件事") + "]");
        assertThat(twiceInABatch.statusCode()).isEqualTo(409);
        assertThat(TestEnvironment.row("SELECT COUNT(*) n FROM work_order WHERE request_key LIKE ?", key + "%").get("n"))
                .as("only the first order exists").isEqualTo("1");
        assertThat(TestEnvironment.row("SELECT subject FROM work_order WHERE request_key = ?", key).get("subject"))
                .isEqualTo("电费咨询");
    }

    @Test
    void aBodyOverItsEndpointsLimitIs413WhetherItsLengthIsGivenOrItComesInChunks() throws Exception {
        long twentyMb = 20L * 1024 * 1024;
        RawPost.Answer sized = RawPost.post("api/work-orders/batch", "[{\"subject\":\"", twentyMb, false, 0, "en");
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.body()).contains("\"code\":\"bodyTooLarge\"").contains("8 MB");
        RawPost.Answer chunked = RawPost.post("api/work-orders/batch", "[{\"subject\":\"", twentyMb, true, 0, "zh-CN");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"bodyTooLarge\"").contains("请分批提交");
        // one order has a quarter of a megabyte
        RawPost.Answer order = RawPost.post("api/work-orders", "{\"subject\":\"", twentyMb, true, 0, "zh-CN");
        assertThat(order.status()).isEqualTo(413);
        assertThat(order.body()).contains("256 KB");
        System.out.printf("20 MB bodies refused: stated length %d ms (%d bytes sent by then), chunked to the 8 MB batch %d ms (%d), "
                + "chunked to the 256 KB order %d ms (%d)%n", sized.millis(), sized.bytesSent(), chunked.millis(), chunked.bytesSent(),
                order.millis(), order.bytesSent());
        assertThat(order.bytesSent()).as("sent before the order's 413").isLessThan(twentyMb);
    }

    @Test
    void aSlow200MbBodyIsRefusedAtTheLimitWithoutFillingTheHeap() throws Exception {
        long twoHundredMb = 200L * 1024 * 1024;
        try (ServerJmx jmx = ServerJmx.asAdministrator()) {
            long allocatedBefore = jmx.allocatedBytes("http-thread-pool");
            // 10 MB a second: the whole body would take 20 s
            RawPost.Answer slow = RawPost.post("api/work-orders", "{\"subject\":\"", twoHundredMb, true, 10L * 1024 * 1024, "en");
            long allocated = jmx.allocatedBytes("http-thread-pool") - allocatedBefore;
            System.out.printf("a 200 MB body sent at 10 MB/s: %d after %d ms, %d bytes sent by then; the request threads allocated %d KB%n",
                    slow.status(), slow.millis(), slow.bytesSent(), allocated / 1024);
            assertThat(slow.status()).isEqualTo(413);
            assertThat(slow.millis()).as("time to the 413, ms").isLessThan(2000);
            // what they read is short-lived and bounded by the limit, whatever comes after it (reading a 20 MB body whole,
            // as before, took 166 MB of heap); the rest of the body, up to 32 MB, is read into the same small buffers
            assertThat(allocated).as("bytes the request threads allocated while they refused the body").isLessThan(32L * 1024 * 1024);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(as("agent01", "agent123", app(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String order(String account, String key, String subject) {
        return "{\"type\":\"INQUIRY\",\"accountNumber\":\"" + account + "\",\"subject\":\"" + subject
                + "\",\"contactPhone\":\"13800000001\",\"requestKey\":\"" + key + "\"}";
    }

    private HttpResponse<String> postBatch(String body) throws Exception {
        return http.send(as("agent01", "agent123", app("api/work-orders/batch")).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> orderNumbers(String body) {
        return java.util.regex.Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(body).results().map(m -> m.group(1)).toList();
    }
}
