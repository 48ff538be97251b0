package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is logged in, and logging out. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private ExternalContext external;

    public String getUser() {
        return external.getRemoteUser();
    }

    /** How long before the session's end the pages warn (see {@link org.utilitydesk.interfaces.security.IdleTimeout}). */
    public int getIdleWarningSeconds() {
        return org.utilitydesk.interfaces.security.IdleTimeout.WARNING_SECONDS;
    }

    public void logout() throws IOException, ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
