package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The language link of a page without a form of ours: to the other language, and back to this very page. */
@Named
@RequestScoped
public class LanguageLink {

    @Inject
    private LocaleSelection selection;

    public String getHref() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        // the login page is shown in place of the page asked for: back to that one
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String page = forwarded != null ? String.valueOf(forwarded) : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
        String back = query == null || query.isEmpty() ? page : page + "?" + query;
        return request.getContextPath() + "/language?to=" + Languages.other(selection.getLocale()).getLanguage()
                + "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    public String getName() {
        return selection.getOtherName();
    }
}
