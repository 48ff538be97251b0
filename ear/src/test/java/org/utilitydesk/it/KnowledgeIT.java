package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The knowledge base on the real server: Chinese search over the starter articles (synonyms, one
 * character, English stemming, tag and category filters, facets, highlights, internal articles hidden
 * from the portal), and an article's way from an agent's proposal through review to publication, an
 * edit, a restore and archiving, with the index following each committed step.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnowledgeIT {

    private static final Pattern CODE = Pattern.compile("\"code\":\"(K[A-Z0-9]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void portalVisitorsSayWhetherAPublicAnswerHelpedOncePerVisitor() throws Exception {
        int before = helpful("KBS005");
        for (int click = 0; click < 2; click++) {
            HttpResponse<String> vote = http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS005/vote"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"helpful\":true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(vote.statusCode()).as("no login needed: " + vote.body()).isEqualTo(204);
        }
        assertThat(helpful("KBS005")).as("the same visitor twice counts once").isEqualTo(before + 1);
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS024/vote")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\":false}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("internal articles are not there for visitors").isEqualTo(404);

        // on the page, from a browser session of its own
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("vote", "vote");
        form.put("code", "KBS005");
        form.put("q", "");
        form.put("vote:yes", "有帮助");
        String answered = TestEnvironment.openAndPost("portal/faq.xhtml?code=KBS005", form, "这篇解答对您有帮助吗？");
        assertThat(answered).contains("谢谢您的反馈！");
        assertThat(helpful("KBS005")).isEqualTo(before + 2);
    }

    private static int helpful(String code) throws Exception {
        return Integer.parseInt(TestEnvironment.row("SELECT helpful_count FROM kb_article WHERE code = ?", code).get("helpful_count"));
    }

    @Test
    void agentsFindAnswersInTheWordsCallersUse() throws Exception {
        String outage = search("agent01", "没电了怎么办", "");
        assertThat(codes(outage)).as("没电 is a synonym of 停电").contains("KBS001");
        assertThat(outage).contains("<em>");

        assertThat(codes(search("agent01", "表", ""))).as("one character").containsAnyOf("KBS018", "KBS019", "KBS020");
        assertThat(codes(search("agent01", "漏气", "")).get(0)).isEqualTo("KBS031");
        assertThat(codes(search("agent01", "meters", ""))).as("English stemming").contains("KBS043");
        assertThat(codes(search("agent01", "交电费", "&tag=" + enc("代扣")))).containsExactlyInAnyOrder("KBS012", "KBS013");

        String faults = search("agent01", "", "&category=FAULT&limit=50");
        assertThat(codes(faults)).as("a parent category finds its children's articles").contains("KBS001", "KBS003");
        assertThat(faults).contains("\"code\":\"OUTAGE\"", "\"name\":\"停电信息\"");

        assertThat(codes(search("agent01", "高压新装时限", ""))).as("internal articles for staff").contains("KBS024");
        HttpResponse<String> portal = http.send(HttpRequest.newBuilder(app("api/portal/faq?q=" + enc("高压新装时限"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(codes(portal.body())).doesNotContain("KBS024");
        assertThat(http.send(HttpRequest.newBuilder(app("api/portal/faq/KBS024")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(app("api/knowledge/search?q=x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("staff search needs a login").isEqualTo(401);

        HttpResponse<String> faqPage = http.send(HttpRequest.newBuilder(app("portal/faq.xhtml?q=" + enc("高压新装 停电") + "&code=KBS001"))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(faqPage.statusCode()).as("the portal needs no login").isEqualTo(200);
        assertThat(faqPage.body()).contains("常见问题", "家中突然停电怎么办", "先看邻居家").doesNotContain("高压新装业务办理时限");
        HttpResponse<String> faqSearch = http.send(HttpRequest.newBuilder(app("portal/faq.xhtml?q=" + enc("没电")))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(faqSearch.body()).as("a Chinese query in the address is read as UTF-8").contains("<em>停电</em>")
                .contains("value=\"没电\"");
    }

    @Test
    void theCallPanelIsOfferedArticlesForTheWayTheCallerCame() throws Exception {
        String noPower = send("agent01", "agent123", "GET", "api/knowledge/suggestions?path=MAIN,FAULT,FAULT_NO_POWER", null).body();
        assertThat(codes(noPower).subList(0, 2)).containsAnyOf("KBS001", "KBS002");
        String meter = send("agent01", "agent123", "GET", "api/knowledge/suggestions?path=MAIN,FAULT,FAULT_METER", null).body();
        assertThat(codes(meter).get(0)).isIn("KBS018", "KBS019", "KBS020");
        String reason = send("agent01", "agent123", "GET", "api/knowledge/suggestions?path=MAIN,BILL&reason="
                + enc("想办银行代扣"), null).body();
        assertThat(codes(reason).get(0)).isEqualTo("KBS013");
        String nothing = send("agent01", "agent123", "GET", "api/knowledge/suggestions?path=MAIN,VOICEMAIL", null).body();
        assertThat(codes(nothing)).isEmpty();
    }

    @Test
    void nobodyApprovesAnArticleTheyWroteThemselves() throws Exception {
        String word = "四眼" + (100000 + System.nanoTime() % 800000);
        HttpResponse<String> created = send("editor", "editor123", "POST", "api/knowledge/articles",
                "{\"categoryCode\":\"BUSINESS\",\"audience\":\"PUBLIC\",\"title\":\"" + word + "峰谷电价怎么算\","
                        + "\"answer\":\"峰谷电价按时段分别计价，谷段电价较低。\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String code = firstCode(created.body());
        assertThat(act("editor", code, "SUBMIT", 1, null).statusCode()).isEqualTo(200);
        HttpResponse<String> own = act("editor", code, "APPROVE", 1, "自己看过了");
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("不能审核通过自己编写的版本");
        assertThat(send("editor", "editor123", "GET", "api/knowledge/articles/" + code, null).body())
                .as("still in review").contains("\"state\":\"IN_REVIEW\"");
        assertThat(act("supervisor", code, "APPROVE", 1, "内容准确").statusCode()).as("another person's approval").isEqualTo(200);
    }

    @Test
    void anArticleGoesFromProposalThroughReviewToPublicationAndBack() throws Exception {
        String number = String.valueOf(100000 + System.nanoTime() % 800000);
        String word = "光伏" + number;
        HttpResponse<String> created = send("agent01", "agent123", "POST", "api/knowledge/articles",
                "{\"categoryCode\":\"BUSINESS\",\"audience\":\"PUBLIC\",\"title\":\"" + word + "并网后电表怎么看\","
                        + "\"answer\":\"分布式光伏并网后安装双向电表，分别计量上网电量和用电电量。\",\"tags\":[\"光伏\",\"并网\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String code = firstCode(created.body());
        assertThat(created.body()).contains("\"state\":\"DRAFT\"");
        assertThat(codes(search("agent01", word, ""))).as("drafts are not found by agents").doesNotContain(code);
        assertThat(codes(search("editor", word, "&all=true"))).as("editors find drafts").contains(code);

        assertThat(act("agent01", code, "SUBMIT", 1, null).statusCode()).isEqualTo(200);
        assertThat(act("agent01", code, "APPROVE", 1, null).statusCode()).as("agents do not review").isEqualTo(403);
        assertThat(act("editor", code, "APPROVE", 1, "内容准确").statusCode()).isEqualTo(200);
        assertThat(act("editor", code, "APPROVE", 1, "内容准确").statusCode()).as("a double click changes nothing").isEqualTo(200);
        assertThat(act("editor", code, "PUBLISH", 1, null).statusCode()).as("editors do not publish").isEqualTo(403);
        HttpResponse<String> published = act("supervisor", code, "PUBLISH", 1, null);
        assertThat(published.body()).contains("\"state\":\"PUBLISHED\"");
        assertThat(codes(search("agent01", word, ""))).as("indexed once committed").contains(code);
        assertThat(codes(http.send(HttpRequest.newBuilder(app("api/portal/faq?q=" + enc(word))).build(),
                HttpResponse.BodyHandlers.ofString()).body())).contains(code);

        // an edit goes through review while the live text stays live
        String newNumber = String.valueOf(100000 + System.nanoTime() % 800000 + 1);
        String newWord = "储能" + newNumber;
        HttpResponse<String> edited = send("agent02", "agent123", "PUT", "api/knowledge/articles/" + code,
                "{\"title\":\"" + newWord + "光伏电表怎么看\",\"answer\":\"光伏和储能客户的双向电表读数说明。\",\"note\":\"补充储能\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("\"liveVersion\":1");
        assertThat(edited.body()).containsPattern("\"pending\":\\{[^}]*\"state\":\"DRAFT\"[^}]*\"versionNo\":2");
        assertThat(codes(search("agent01", newNumber, ""))).as("a draft edit is not live").doesNotContain(code);
        HttpResponse<String> refused = act("agent02", code, "SUBMIT", 1, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("只有草稿才能提交审核");
        act("agent02", code, "SUBMIT", 2, null);
        HttpResponse<String> reject = act("editor", code, "REJECT", 2, null);
        assertThat(reject.statusCode()).as("sending back needs a reason").isEqualTo(400);
        act("editor", code, "APPROVE", 2, null);
        act("supervisor", code, "PUBLISH", 2, null);
        assertThat(codes(search("agent01", newNumber, ""))).contains(code);
        assertThat(codes(search("agent01", number, ""))).as("the old title is gone").doesNotContain(code);

        HttpResponse<String> diff = send("agent01", "agent123", "GET", "api/knowledge/articles/" + code + "/diff?from=1&to=2", null);
        assertThat(diff.body()).contains("{\"op\":\"INSERT\",\"text\":\"储能", "并网后\"}", "{\"op\":\"EQUAL\",\"text\":\"电表怎么看\"}");

        HttpResponse<String> restored = act("supervisor", code, "RESTORE", 1, null);
        assertThat(restored.body()).contains("\"liveVersion\":3", "restored v1");
        assertThat(codes(search("agent01", number, ""))).contains(code);
        assertThat(codes(search("agent01", newNumber, ""))).doesNotContain(code);

        act("supervisor", code, "ARCHIVE", 3, null);
        assertThat(codes(search("agent01", word, ""))).as("archived").doesNotContain(code);
        HttpResponse<String> lateEdit = send("agent01", "agent123", "PUT", "api/knowledge/articles/" + code,
                "{\"title\":\"x\",\"answer\":\"y\"}");
        assertThat(lateEdit.statusCode()).isEqualTo(409);
        assertThat(lateEdit.body()).contains("已归档");
    }

    @Test
    void badProposalsAreRefusedWithAClearMessageAndVotesCountOncePerPerson() throws Exception {
        HttpResponse<String> noTitle = send("agent01", "agent123", "POST", "api/knowledge/articles",
                "{\"categoryCode\":\"BILLING\",\"answer\":\"a\"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("请填写标题");
        HttpResponse<String> badCategory = send("agent01", "agent123", "POST", "api/knowledge/articles",
                "{\"categoryCode\":\"NOPE\",\"title\":\"t\",\"answer\":\"a\"}");
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(badCategory.body()).contains("没有这个知识分类");

        long before = number(send("agent05", "agent123", "GET", "api/knowledge/articles/KBS012", null).body(), "helpful");
        send("agent05", "agent123", "POST", "api/knowledge/articles/KBS012/vote", "{\"helpful\":true}");
        HttpResponse<String> again = send("agent05", "agent123", "POST", "api/knowledge/articles/KBS012/vote", "{\"helpful\":true}");
        assertThat(number(again.body(), "helpful")).isEqualTo(before + 1);
        HttpResponse<String> changed = send("agent05", "agent123", "POST", "api/knowledge/articles/KBS012/vote", "{\"helpful\":false}");
        assertThat(number(changed.body(), "helpful")).isEqualTo(before);
    }

    @Test
    void theReindexJobRebuildsTheIndexFromTheDatabase() throws Exception {
        String word = "冷链" + System.nanoTime() % 100000;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            // changed behind the application's back: the index cannot know
            st.executeUpdate("UPDATE kb_article_version v JOIN kb_article a ON a.id = v.article_id "
                    + "SET v.title = CONCAT('停电期间冰箱食物如何保存 ', '" + word + "') WHERE a.code = 'KBS047'");
        }
        assertThat(codes(search("agent01", word, ""))).doesNotContain("KBS047");
        long articles;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM kb_article")) {
            rs.next();
            articles = rs.getLong(1);
        }

        HttpResponse<String> started = send("supervisor", "super123", "POST", "api/jobs/knowledge-reindex", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher m = Pattern.compile("\"executionId\":(\\d+)").matcher(started.body());
        assertThat(m.find()).isTrue();
        String path = "api/jobs/executions/" + m.group(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String body = send("supervisor", "super123", "GET", path, null).body();
            // the job's own status comes first; its steps' follow
            return body.startsWith("{\"batchStatus\":\"COMPLETED\"") || body.startsWith("{\"batchStatus\":\"FAILED\"");
        });
        String done = send("supervisor", "super123", "GET", path, null).body();
        assertThat(done).startsWith("{\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":" + articles, "\"writeCount\":" + articles);
        assertThat(codes(search("agent01", word, ""))).contains("KBS047");
    }

    @Test
    void theDeskPageSearchesHighlightsAndOpensAnArticle() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        browser.send(HttpRequest.newBuilder(app("desk/knowledge.xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        browser.send(HttpRequest.newBuilder(app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=agent01&j_password=agent123")).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(app("desk/knowledge.xhtml?q=" + enc("没电") + "&code=KBS001"))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("/desk/knowledge.xhtml");
        assertThat(page.body()).contains("<em>停电</em>", "故障停电 (", "家中突然停电怎么办", "处理办法", "有帮助");
        assertThat(page.body()).as("only the highlighter's marks are HTML").doesNotContain("&lt;em&gt;");

        HttpResponse<String> editor = browser.send(HttpRequest.newBuilder(app("desk/article.xhtml?code=KBS010"))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(editor.body()).contains("居民阶梯电价标准", "版本记录", "保存为新版本", "现行版本");
        assertThat(editor.body()).as("agents do not publish or archive").doesNotContain(">归档<", ">发布<");
        HttpResponse<String> queue = browser.send(HttpRequest.newBuilder(app("desk/review.xhtml"))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("待审核的知识");
    }

    @Test
    void theReviewQueueTakesAFewReadsHoweverLongItIs() throws Exception {
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> created = send("agent01", "agent123", "POST", "api/knowledge/articles",
                    "{\"categoryCode\":\"BILLING\",\"audience\":\"INTERNAL\",\"title\":\"审核队列测试 " + i + "\","
                            + "\"answer\":\"只用于测试审核队列的读取次数。\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(act("agent01", firstCode(created.body()), "SUBMIT", 1, null).statusCode()).isEqualTo(200);
        }
        // and 15 published articles whose text waits for nobody, with a file that waits for review
        for (int i = 30; i < 45; i++) {
            HttpResponse<String> stored = http.send(as("agent01", "agent123", app("api/knowledge/articles/KBS0" + i
                    + "/attachments?name=queue.txt")).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("审核队列附件测试")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        }
        long fewest = Long.MAX_VALUE;
        // the fewest of up to ten reads, half a second apart: the counter is the whole server's, and timers in the
        // server (sweeps, the wallboard of agents earlier tests left signed in) read now and then too
        for (int round = 0; round < 10 && fewest >= 15; round++) {
            Thread.sleep(round == 0 ? 0 : 500);
            long before = selects();
            HttpResponse<String> queue = send("editor", "editor123", "GET", "api/knowledge/review-queue", null);
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(queue.body().split("审核队列测试", -1).length - 1).isGreaterThanOrEqualTo(25);
            for (int i = 30; i < 45; i++) {
                assertThat(queue.body()).as("an article with a file waiting").contains("\"code\":\"KBS0" + i + "\"");
            }
            fewest = Math.min(fewest, selects() - before);
        }
        // one read per article (its versions, its attachments) would be 80 or more
        System.out.println("review queue of 40+ articles: " + fewest + " SELECTs");
        assertThat(fewest).as("SELECTs for a queue of 40+ articles").isLessThan(15);
    }

    @Test
    void aSearchReadsNoReferenceTablesFromTheDatabase() throws Exception {
        search("agent01", "没电了怎么办", ""); // synonyms and categories are read once and kept for 30 s
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = selects();
            assertThat(codes(search("agent01", "没电了怎么办", ""))).contains("KBS001");
            fewest = Math.min(fewest, selects() - before);
        }
        System.out.println("search: " + fewest + " SELECTs");
        assertThat(fewest).as("SELECTs for one search").isLessThanOrEqualTo(1);
    }

    private static long selects() throws Exception {
        try (java.sql.Connection c = TestEnvironment.database(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private String search(String user, String q, String more) throws Exception {
        HttpResponse<String> r = send(user, password(user), "GET", "api/knowledge/search?q=" + enc(q) + more, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> act(String user, String code, String action, int version, String note) throws Exception {
        return send(user, password(user), "POST", "api/knowledge/articles/" + code + "/actions",
                "{\"action\":\"" + action + "\",\"versionNo\":" + version + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
    }

    private HttpResponse<String> send(String user, String password, String method, String path, String json) throws Exception {
        return TestEnvironment.call(user, password, method, path, json);
    }

    private static String password(String user) {
        return switch (user) {
            case "editor" -> "editor123";
            case "supervisor" -> "super123";
            default -> "agent123";
        };
    }

    /** Article codes of the hits, in order (hits come first in the body; facets carry category codes). */
    private static List<String> codes(String body) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(body);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String firstCode(String body) {
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static long number(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
