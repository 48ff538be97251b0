package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URI;
import java.net.URLEncoder;
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

/**
 * Files attached to knowledge articles on the real server: checked by content as well as by name, kept from customers
 * until an editor other than the uploader approved them, then served by the portal for public articles only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnowledgeFilesIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void filesAreAttachedCheckedByContentAndServedToWhoMaySeeThem() throws Exception {
        byte[] png = new byte[2048];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        png[100] = 42;
        HttpResponse<String> stored = upload("KBS012", "电表箱照片.png", png);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        String location = stored.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> back = http.send(as("agent02", "agent123", URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(back.body()).isEqualTo(png);
        assertThat(back.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(back.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(stored.body()).contains("\"review\":\"PENDING\"");
        assertThat(portalFile("KBS012", id)).as("a public article's new file waits for review").isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS012")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).as("nor does the portal list it").doesNotContain("电表箱照片.png");
        assertThat(TestEnvironment.call("agent01", "agent123", "GET", "api/knowledge/articles/KBS012", null).body()).contains("电表箱照片.png");
        assertThat(TestEnvironment.call("editor", "editor123", "GET", "api/knowledge/review-queue", null).body())
                .as("the review queue shows the article for its file").contains("\"code\":\"KBS012\"");
        assertThat(reviewFile("agent01", "agent123", "KBS012", id, "APPROVE").statusCode()).as("agents do not review").isEqualTo(403);

        HttpResponse<String> editorsOwn = http.send(as("editor", "editor123", app("api/knowledge/articles/KBS012/attachments?name="
                + enc("接线图.png"))).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        String ownId = editorsOwn.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        HttpResponse<String> own = reviewFile("editor", "editor123", "KBS012", ownId, "APPROVE");
        assertThat(own.statusCode()).as("four eyes: " + own.body()).isEqualTo(409);
        assertThat(own.body()).contains("不能审核通过自己上传的附件");
        assertThat(reviewFile("editor", "editor123", "KBS012", ownId, "REJECT").statusCode()).isEqualTo(200);
        assertThat(portalFile("KBS012", ownId)).as("a rejected file is never public").isEqualTo(404);

        HttpResponse<String> approved = reviewFile("editor", "editor123", "KBS012", id, "APPROVE");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"review\":\"APPROVED\"", "\"reviewedBy\":\"editor\"");
        assertThat(reviewFile("editor", "editor123", "KBS012", id, "APPROVE").statusCode()).as("a double click").isEqualTo(200);
        assertThat(reviewFile("editor", "editor123", "KBS012", id, "REJECT").statusCode()).as("decided once").isEqualTo(409);
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS012/attachments/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).as("public article, reviewed file").isEqualTo(png);

        HttpResponse<String> renamed = upload("KBS012", "photo.png", "not a picture".getBytes(StandardCharsets.UTF_8));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.body()).contains("文件内容与文件名不符");
        assertThat(upload("KBS012", "setup.exe", png).statusCode()).isEqualTo(400);
        assertThat(upload("KBS012", "empty.txt", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(upload("KBS012", "huge.txt", new byte[10 * 1024 * 1024 + 1]).statusCode()).isEqualTo(413);

        HttpResponse<String> internal = upload("KBS024", "时限表.txt", "高压新装时限".getBytes(StandardCharsets.UTF_8));
        String internalId = internal.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS024/attachments/" + internalId)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("internal articles' files stay internal").isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS012/attachments/" + internalId)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("nor through another article").isEqualTo(404);
    }

    private int portalFile(String code, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(app("api/portal/faq/" + code + "/attachments/" + id)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> reviewFile(String user, String password, String code, String id, String decision) throws Exception {
        return TestEnvironment.call(user, password, "POST", "api/knowledge/articles/" + code + "/attachments/" + id + "/review",
                "{\"decision\":\"" + decision + "\"}");
    }

    private HttpResponse<String> upload(String code, String name, byte[] content) throws Exception {
        return http.send(as("agent01", "agent123", app("api/knowledge/articles/" + code + "/attachments?name=" + enc(name)))
                .header("Content-Type", "application/octet-stream").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
