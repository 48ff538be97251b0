package org.utilitydesk.interfaces.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a login lands when no page was asked for first: someone who opened the login page itself (a bookmark, the
 * address typed in) and logged in. A login on the way to a protected page is sent back to that page before it gets
 * here. Without this the login succeeded and answered 404.
 */
@WebServlet(name = "LoginLanding", urlPatterns = "/j_security_check")
public class LoginLanding extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + (request.getUserPrincipal() != null ? "/" : "/login.xhtml?failed=true"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
