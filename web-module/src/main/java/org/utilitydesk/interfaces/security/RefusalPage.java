package org.utilitydesk.interfaces.security;

import java.util.ResourceBundle;

/**
 * The page a refused post gets when the page it came from cannot be shown again: a short message in the person's
 * language and a way on (back to the page, or to the start).
 */
final class RefusalPage {

    private RefusalPage() {
    }

    /** The page is out of date or the post did not come from it: reload. */
    static String html(String contextPath, ResourceBundle msg) {
        return html(msg, msg.getString("error.stalePage"), contextPath + "/", msg.getString("error.toStart"));
    }

    /** {@code messageKey}'s text, with a link back to {@code page}. */
    static String html(ResourceBundle msg, String messageKey, String page) {
        return html(msg, msg.getString(messageKey), page, msg.getString("error.backToPage"));
    }

    private static String html(ResourceBundle msg, String text, String link, String linkText) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + escaped(text) + "</title></head><body><p>"
                + escaped(text) + "</p><p><a href=\"" + escaped(link) + "\">" + escaped(linkText) + "</a></p></body></html>";
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
