package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.TestEnvironment.app;

import java.net.CookieManager;
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

/** The customer list of the desk behind form login, paged and searched in the database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskPageIT {

    private HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(app(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        get("desk/customers.xhtml");
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(app("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDeskAsksForALoginFirst() throws Exception {
        HttpResponse<String> response = get("desk/customers.xhtml");
        assertThat(response.uri().getPath()).endsWith("/login.xhtml");
        assertThat(response.body()).contains("j_security_check").contains("坐席登录");
    }

    @Test
    void aWrongPasswordShowsAClearMessageAndNoData() throws Exception {
        HttpResponse<String> response = login("agent01", "wrong-password");
        assertThat(response.body()).contains("用户名或密码不正确").doesNotContain("138****0001");
    }

    @Test
    void afterLoginTheFirstPageOfCustomersIsListedWithMaskedPhones() throws Exception {
        HttpResponse<String> page = login("agent01", "agent123");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("/desk/customers.xhtml");
        assertThat(page.body())
                .contains("138****0001").contains("138****0020")
                .doesNotContain("138****0021").doesNotContain("13800000001")
                .contains("共 1000 位客户");
    }

    @Test
    void aWorkOrderAddressWithoutAUsableNumberIsAClear4xx() throws Exception {
        login("agent01", "agent123");
        String[][] cases = {
            {"desk/work-order.xhtml", "400", "地址中没有工单号"},
            {"desk/work-order.xhtml?no=", "400", "地址中没有工单号"},
            {"desk/work-order.xhtml?no=%20%20", "400", "地址中没有工单号"},
            {"desk/work-order.xhtml?no=GD00000000000000000000000000000000000", "404", "未找到工单 GD0000000000000000000000…"},
            {"desk/work-order.xhtml?no=" + "9".repeat(5000), "404", "未找到工单 999999"},
            {"desk/work-order.xhtml?no=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "404", "未找到工单 &lt;script&gt;alert(1)&lt;/script…"},
            {"desk/work-order.xhtml?no=%E2%80%AEGD1", "404", "未找到工单 GD1"},
            {"desk/work-order.xhtml?no=%F0%9F%94%A5%00", "404", "未找到工单"},
            {"desk/work-order.xhtml?no=GD99999999", "404", "未找到工单 GD99999999"},
        };
        for (String[] c : cases) {
            HttpResponse<String> page = get(c[0]);
            assertThat(page.statusCode()).as(c[0].substring(0, Math.min(80, c[0].length()))).isEqualTo(Integer.parseInt(c[1]));
            assertThat(page.body()).as(c[0].substring(0, Math.min(80, c[0].length()))).contains(c[2])
                    .doesNotContain("Exception").doesNotContain("<script>alert").doesNotContain("\u202E");
        }
    }

    @Test
    void aFormPostedWithoutItsPagesNonceIsRefusedWithAClearMessage() throws Exception {
        login("agent01", "agent123");
        String order = TestEnvironment.row("SELECT order_no FROM work_order ORDER BY id LIMIT ?", 1).get("order_no");
        String page = get("desk/work-order.xhtml?no=" + order).body();
        String form = "order=order&order%3Aaction_input=NOTE&order%3Anote=x&order%3Aact=order%3Aact&jakarta.faces.ViewState="
                + URLEncoder.encode(TestEnvironment.viewState(page), StandardCharsets.UTF_8);
        for (String nonce : new String[] {"", "&primefaces.nonce=forged"}) {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(app("desk/work-order.xhtml?no=" + order))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + nonce)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("页面已过期").doesNotContain("Exception").doesNotContain("Payara");
        }
    }

    @Test
    void supervisorsHaveTheJobConsoleAndReportsAndAgentsDoNot() throws Exception {
        login("agent01", "agent123");
        assertThat(get("supervisor/jobs.xhtml").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = get("supervisor/reports.xhtml");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("无权打开此页面", "联系管理员", "返回首页").doesNotContain("Payara", "GlassFish");

        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        login("supervisor", "super123");
        HttpResponse<String> jobs = get("supervisor/jobs.xhtml");
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).contains("批处理作业").contains("夜间统计").contains("电费催缴").contains("jobs:start");
        HttpResponse<String> reports = get("supervisor/reports.xhtml");
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(reports.body()).contains("话务与工单统计").contains("排班建议（Erlang C）").contains("reports:xlsx");
    }

    @Test
    void aMissingPageIsOursInThePersonsLanguageWithoutTheServersName() throws Exception {
        HttpResponse<String> zh = get("no/such/page.xhtml");
        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(zh.body()).contains("找不到此页面", "返回首页").doesNotContain("Payara", "GlassFish", "Error report");
        assertThat(zh.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        HttpResponse<String> en = browser.send(HttpRequest.newBuilder(app("no-such-thing")).header("Accept-Language", "en-GB,en;q=0.9")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Page not found", "To the start page").doesNotContain("Payara");

        HttpResponse<String> method = browser.send(HttpRequest.newBuilder(app("j_security_check"))
                .method("PUT", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("不支持的请求").doesNotContain("Payara");
    }

    @Test
    void searchingByPhoneFindsThatCustomerOnly() throws Exception {
        login("supervisor", "super123");
        HttpResponse<String> page = get("desk/customers.xhtml?q=13800000002");
        assertThat(page.body()).contains("138****0002").doesNotContain("138****0001").contains("共 1 位客户");

        HttpResponse<String> byAccount = get("desk/customers.xhtml?q=" + TestEnvironment.FIRST_ACCOUNT);
        assertThat(byAccount.body()).contains("138****0001").contains("共 1 位客户");

        HttpResponse<String> none = get("desk/customers.xhtml?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E4%BA%BA");
        assertThat(none.body()).contains("没有找到符合条件的客户");
    }
}
