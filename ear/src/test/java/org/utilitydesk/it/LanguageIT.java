package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The language of every page: the browser's (Accept-Language) until the person chooses, then the choice, remembered
 * across logins; a switch on the login page and the portal as on the staff pages; the switch goes back only to pages
 * of this application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LanguageIT {

    private static final Pattern LINK = Pattern.compile("id=\"language\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"language\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void theBrowsersLanguageCountsUntilThePersonChoosesAndTheChoiceIsRemembered() throws Exception {
        HttpClient browser = browser();
        assertThat(get(browser, "desk/customers.xhtml", null).body()).as("no Accept-Language: Chinese").contains("坐席登录");
        assertThat(get(browser, "desk/customers.xhtml", "en-GB,en;q=0.9,zh;q=0.5").body()).contains("Agent login")
                .contains("lang=\"en\"");
        assertThat(get(browser, "portal/faq.xhtml", "fr-FR,zh-CN;q=0.8,en;q=0.6").body()).as("first of zh and en by weight")
                .contains("lang=\"zh-CN\"");

        // the login page's switch: English, back to the login page, remembered over the browser's Chinese
        HttpResponse<String> login = get(browser, "desk/customers.xhtml", "zh-CN");
        String link = link(login.body());
        assertThat(link).contains("/language?to=en");
        HttpResponse<String> switched = get(browser, link.substring(link.indexOf("language")), "zh-CN");
        assertThat(switched.body()).contains("Agent login").contains("中文");
        assertThat(get(browser, "portal/order.xhtml", "zh-CN").body()).as("the portal too").contains("Work order progress");

        // signed in: the pages stay English, and after logging out and in again too
        signIn(browser, "agent01", "agent123");
        assertThat(get(browser, "desk/customers.xhtml", "zh-CN").body()).contains("lang=\"en\"").contains("Customers");
        // a new session in the same browser: only the language cookie carries over
        CookieManager kept = new CookieManager();
        for (java.net.HttpCookie cookie : ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()) {
            if (cookie.getName().equals("ud-lang")) {
                kept.getCookieStore().add(TestEnvironment.app(""), cookie);
            }
        }
        assertThat(kept.getCookieStore().getCookies()).hasSize(1);
        HttpClient later = HttpClient.newBuilder().cookieHandler(kept).followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(later, "agent01", "agent123");
        assertThat(get(later, "desk/customers.xhtml", "zh-CN").body()).contains("lang=\"en\"");

        // and back to Chinese from the staff pages' own switch
        String page = get(later, "desk/customers.xhtml", "zh-CN").body();
        later.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session=session&session%3Alanguage=session%3Alanguage&jakarta.faces.ViewState="
                        + URLEncoder.encode(TestEnvironment.viewState(page), StandardCharsets.UTF_8) + "&primefaces.nonce="
                        + URLEncoder.encode(TestEnvironment.nonce(page), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(get(later, "portal/faq.xhtml", "en").body()).as("the staff switch is remembered for the portal too")
                .contains("lang=\"zh-CN\"");
    }

    @Test
    void theSwitchGoesBackOnlyToPagesOfThisApplication() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String context = TestEnvironment.app("").getPath();
        String[][] cases = {
            {"https://elsewhere.example/", context},
            {"//elsewhere.example/x", context},
            {context + "/portal/faq.xhtml?q=%E5%81%9C%E7%94%B5", context + "/portal/faq.xhtml?q=%E5%81%9C%E7%94%B5"},
            {context + "/portal/faq.xhtml?q=停电", context + "/portal/faq.xhtml?q=%E5%81%9C%E7%94%B5"},
            {context + "/x\r\nSet-Cookie: a=b", context},
            {"/other-app/", context},
        };
        for (String[] c : cases) {
            HttpResponse<String> answer = noRedirects.send(HttpRequest.newBuilder(TestEnvironment.app("language?to=en&back="
                    + URLEncoder.encode(c[0], StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(c[0]).isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location.replaceFirst("^https?://[^/]+", "")).as(c[0]).isEqualTo(c[1]);
            assertThat(answer.headers().allValues("Set-Cookie")).as(c[0]).anyMatch(v -> v.startsWith("ud-lang=en")
                    && v.contains("HttpOnly") && v.toLowerCase().contains("samesite=lax")).noneMatch(v -> v.startsWith("a=b"));
        }
        HttpResponse<String> odd = noRedirects.send(HttpRequest.newBuilder(TestEnvironment.app("language?to=fr&back=" + context + "/login.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(odd.statusCode()).isEqualTo(302);
        assertThat(odd.headers().allValues("Set-Cookie")).as("no choice for a language the pages do not have")
                .noneMatch(v -> v.startsWith("ud-lang"));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static String link(String page) {
        Matcher m = LINK.matcher(page);
        assertThat(m.find()).as("the page has a language link").isTrue();
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    }

    private static void signIn(HttpClient browser, String user, String password) throws Exception {
        get(browser, "desk/customers.xhtml", "zh-CN");
        browser.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + password)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<String> get(HttpClient browser, String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
