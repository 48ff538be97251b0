package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Field crews on the real server: a fault report is routed to the crew of the caller's area; a member takes
 * it (a colleague cannot take it again, another crew cannot even see it), starts, adds photos (JPEG or PNG,
 * checked by content and size) and resolves it with what was done; the desk sees all of it. Once through
 * the API a crew's app would use, once in a real browser as a crew member on their phone would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrewIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void aCrewTakesWorksAndResolvesItsOrderWithPhotosThroughTheApi() throws Exception {
        String orderNo = openFaultReport("13900000041");
        String crew = crewOf(orderNo);
        String member = crew.toLowerCase(Locale.ROOT) + "1";
        String colleague = crew.toLowerCase(Locale.ROOT) + "2";
        String stranger = crew.equals("CREW-SC") ? "crew-gs1" : "crew-sc1";

        assertThat(crewGet(member, "").body()).contains(orderNo);
        assertThat(crewGet(stranger, "").body()).as("another crew's list").doesNotContain(orderNo);
        assertThat(crewGet(stranger, "/" + orderNo).statusCode()).as("another crew's order does not exist for them").isEqualTo(404);
        assertThat(http.send(as("agent01", "agent123", app("api/crew/orders")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("agents are not crews").isEqualTo(403);
        HttpResponse<String> detail = crewGet(member, "/" + orderNo);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"contactPhone\":\"13900000041\"", "\"address\":\"");

        // on the member's own browser session: a page elsewhere cannot make it take the order, this server's pages can
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        browser.send(HttpRequest.newBuilder(app("crew/orders.xhtml")).GET().build(), HttpResponse.BodyHandlers.discarding());
        browser.send(HttpRequest.newBuilder(app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + member + "&j_password=crew123")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(app("api/crew/orders/" + orderNo + "/accept"))
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("请求来自其他网站");
        assertThat(crewGet(member, "/" + orderNo).body()).doesNotContain("\"acceptedBy\"");
        java.net.URI self = app("");
        HttpResponse<String> own = browser.send(HttpRequest.newBuilder(app("api/crew/orders/" + orderNo + "/accept"))
                .header("Origin", self.getScheme() + "://" + self.getAuthority()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);

        // taking it: twice is harmless, a colleague is told who has it
        assertThat(crewPost(member, orderNo, "/accept", "").body()).contains("\"acceptedBy\":\"" + member + "\"");
        assertThat(crewPost(member, orderNo, "/accept", "").statusCode()).isEqualTo(200);
        HttpResponse<String> taken = crewPost(colleague, orderNo, "/accept", "");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("该工单已由 " + member + " 接单。");

        // what a crew may not do, and what the lifecycle does not allow yet
        assertThat(action(member, orderNo, "CLOSE", null).statusCode()).isEqualTo(403);
        assertThat(action(member, orderNo, "RESOLVE", "已修复").statusCode()).as("not started").isEqualTo(409);
        java.time.Instant respondBy = java.time.Instant.parse(field(crewGet(member, "/" + orderNo).body(), "slaDueAt"));
        String started = action(member, orderNo, "START", "已到达现场").body();
        assertThat(started).contains("\"state\":\"IN_PROGRESS\"", "\"slaStatus\":\"ON_TRACK\"");
        assertThat(java.time.Instant.parse(field(started, "slaDueAt"))).as("on site: the clock now runs to the fix's deadline")
                .isAfter(respondBy.plus(Duration.ofHours(1)));

        // photos: a real PNG and a JPEG go in; a renamed program, a GIF, an empty and an oversized file do not
        byte[] png = picture("png");
        HttpResponse<String> added = photo(member, orderNo, "现场 1.png", png);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(photo(member, orderNo, "修复后.jpg", picture("jpg")).statusCode()).isEqualTo(201);
        String location = added.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> back = http.send(as(member, "crew123", java.net.URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(back.statusCode()).isEqualTo(200);
        // (the container's default response encoding adds "; charset=UTF-8"; browsers ignore it for pictures)
        assertThat(back.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(back.body()).isEqualTo(png);
        HttpResponse<String> renamed = photo(member, orderNo, "photo.jpg", "MZ\u0090\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.body()).contains("文件内容不是JPEG或PNG图片");
        assertThat(photo(member, orderNo, "anim.gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)).body())
                .contains("只能上传JPEG或PNG格式的照片");
        assertThat(photo(member, orderNo, "empty.png", new byte[0]).body()).contains("照片文件是空的");
        HttpResponse<String> huge = photo(member, orderNo, "huge.png", new byte[10 * 1024 * 1024 + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("照片超过10MB");
        assertThat(photo(stranger, orderNo, "x.png", png).statusCode()).isEqualTo(404);

        // resolving says what was done
        HttpResponse<String> silent = action(colleague, orderNo, "RESOLVE", " ");
        assertThat(silent.statusCode()).isEqualTo(400);
        assertThat(silent.body()).contains("需要填写说明");
        assertThat(action(colleague, orderNo, "RESOLVE", "更换熔断器，已恢复供电").body()).contains("\"state\":\"RESOLVED\"");

        // the desk sees who did what, through which channel, and the photos
        String seen = http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(seen).contains("\"acceptedBy\":\"" + member + "\"", "\"fileName\":\"现场 1.png\"", "\"fileName\":\"修复后.jpg\"",
                "更换熔断器，已恢复供电");
        assertThat(eventsByCrew(seen)).containsExactly("ACCEPTED " + member, "STARTED " + member, "PHOTO " + member,
                "PHOTO " + member, "RESOLVED " + colleague);
        String photoId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<byte[]> desk = http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo + "/photos/" + photoId))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(desk.body()).isEqualTo(png);
        assertThat(TestEnvironment.row("SELECT COUNT(*) AS n FROM work_order_attachment a JOIN work_order w"
                + " ON w.id = a.work_order_id WHERE w.order_no = ?", orderNo)).as("refused files left no rows").containsEntry("n", "2");
        await().atMost(PATIENCE).until(() -> !TestEnvironment.row("SELECT template FROM notification_outbox WHERE dedup_key = ?",
                "resolved:" + orderNo).isEmpty());
        assertThat(crewGet(member, "").body()).as("resolved today: still on the list").contains(orderNo);
    }

    @Test
    void aCrewMemberWorksAnOrderInTheBrowserFromTakingItToResolvingItWithAPhoto() throws Exception {
        String orderNo = openFaultReport("13900000042");
        String member = crewOf(orderNo).toLowerCase(Locale.ROOT) + "2";
        Path photo = Files.createTempFile("meter-box", ".jpg");
        Files.write(photo, picture("jpg"));
        WebDriver browser = DeskBrowserIT.Browsers.open();
        try {
            // a crew login lands on the crew's orders, not on the desk
            browser.get(app("").toString());
            browser.findElement(By.id("j_username")).sendKeys(member);
            browser.findElement(By.id("j_password")).sendKeys("crew123");
            browser.findElement(By.id("login-submit")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("crew/orders.xhtml"));
            assertThat(browser.findElements(By.id("nav-customers"))).as("no desk links for a crew").isEmpty();

            browser.findElement(By.cssSelector("a.job-card[href*='" + orderNo + "']")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> text(browser, "order:orderNo").equals(orderNo));
            assertThat(text(browser, "order:phone")).isEqualTo("13900000042");
            browser.findElement(By.id("order:accept")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> text(browser, "order:acceptedBy").equals(member));
            browser.findElement(By.id("order:start")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> text(browser, "order:state").equals("处理中"));

            browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(photo.toString());
            browser.findElement(By.id("upload:send")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#order\\:photos img")).isEmpty());
            assertThat(text(browser, "order:messages")).contains("照片已上传");
            Object loaded = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('#order\\\\:photos img').naturalWidth;");
            assertThat(((Number) loaded).intValue()).as("the photo is shown, fetched with the page's session").isEqualTo(64);

            browser.findElement(By.id("order:resolve")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> text(browser, "order:messages").contains("需要填写说明"));
            browser.findElement(By.id("order:note")).sendKeys("表箱进水，已更换空开");
            browser.findElement(By.id("order:resolve")).click();
            await().ignoreExceptions().atMost(PATIENCE).until(() -> text(browser, "order:state").equals("已解决"));
            assertThat(text(browser, "trail:history")).contains("表箱进水，已更换空开", "现场照片", "接单");

            browser.get(app("desk/customers.xhtml").toString());
            assertThat(browser.getPageSource()).as("the desk is not for crews").contains("403");
            assertThat(DeskBrowserIT.Browsers.scriptProblems(browser)).as("refused or failing scripts").isEmpty();
        } finally {
            browser.quit();
            Files.deleteIfExists(photo);
        }
        assertThat(TestEnvironment.row("SELECT e.channel FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                + " WHERE w.order_no = ? AND e.event_type = 'PHOTO'", orderNo)).containsEntry("channel", "CREW");
    }

    /** Opens a fault report in an area no fault was reported in yet and waits until it is dispatched to a crew. */
    private String openFaultReport(String phone) throws Exception {
        String account = TestEnvironment.accountInAnAreaWithoutFaults();
        String body = "{\"type\":\"FAULT_REPAIR\",\"accountNumber\":\"" + account + "\",\"subject\":\"表箱冒烟\""
                + ",\"requestKey\":\"crew-" + UUID.randomUUID() + "\",\"contactPhone\":\"" + phone + "\"}";
        HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderNo = field(created.body(), "orderNo");
        await().atMost(PATIENCE).until(() -> !crewOf(orderNo).isEmpty());
        return orderNo;
    }

    /** The department code of the crew the order was dispatched to; empty until it is. */
    private static String crewOf(String orderNo) throws Exception {
        Map<String, String> row = TestEnvironment.row("SELECT d.code FROM work_order w JOIN department d"
                + " ON d.id = w.assigned_department_id AND d.kind = 'CREW' WHERE w.order_no = ? AND w.state = 'DISPATCHED'", orderNo);
        return row.getOrDefault("code", "");
    }

    private HttpResponse<String> crewGet(String member, String path) throws Exception {
        return http.send(as(member, "crew123", app("api/crew/orders" + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> crewPost(String member, String orderNo, String path, String json) throws Exception {
        return http.send(as(member, "crew123", app("api/crew/orders/" + orderNo + path)).header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> action(String member, String orderNo, String action, String note) throws Exception {
        return crewPost(member, orderNo, "/actions", "{\"action\":\"" + action + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
    }

    private HttpResponse<String> photo(String member, String orderNo, String name, byte[] content) throws Exception {
        return http.send(as(member, "crew123", app("api/crew/orders/" + orderNo + "/photos?name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A 64×48 picture of a meter box, as a camera would save it. */
    private static byte[] picture(String format) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(16, 8, 32, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** "TYPE actor" of the events made through the crew channel, in order. */
    private static java.util.List<String> eventsByCrew(String orderJson) {
        java.util.List<String> events = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*\"channel\":\"CREW\"[^{}]*}").matcher(orderJson.replace(" ", ""));
        while (m.find()) {
            events.add(field(m.group(), "type") + " " + field(m.group(), "actor"));
        }
        return events;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }
}
