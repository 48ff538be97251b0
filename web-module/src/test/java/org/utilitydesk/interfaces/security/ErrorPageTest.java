package org.utilitydesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.utilitydesk.interfaces.facade.Texts;

class ErrorPageTest {

    @Test
    void everyStatusTheContainerAnswersHasATitleAndATextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            ResourceBundle msg = Texts.bundle(locale);
            for (int status : new int[] {400, 403, 404, 405, 500, 503}) {
                String text = ErrorPage.text(msg, status, status >= 500 ? "1a2b3c4d" : null);
                assertThat(text).as(locale + " " + status).isNotBlank().doesNotContain("{0}");
                String page = ErrorPage.page(locale, msg, status, text, "/utilitydesk/");
                assertThat(page).contains("HTTP " + status, "/utilitydesk/").doesNotContainIgnoringCase("payara");
            }
        }
    }

    @Test
    void aFailureShowsItsReferenceAndTheTextIsEscaped() {
        ResourceBundle zh = Texts.bundle(Locale.SIMPLIFIED_CHINESE);
        assertThat(ErrorPage.text(zh, 500, "1a2b3c4d")).contains("1a2b3c4d");
        assertThat(ErrorPage.code(503)).isEqualTo("internal");
        assertThat(ErrorPage.page(Locale.ENGLISH, Texts.bundle(Locale.ENGLISH), 404, "<script>", "/x\"y"))
                .contains("&lt;script&gt;", "/x&quot;y").doesNotContain("<script>");
    }
}
