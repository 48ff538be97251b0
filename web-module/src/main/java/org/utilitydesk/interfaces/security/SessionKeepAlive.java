package org.utilitydesk.interfaces.security;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * "Carry on" from the idle warning: a POST here is a request like any other, so the session's idle time starts
 * again. Answers 204 with the seconds the session now has ({@code X-Idle-Seconds}); a session that already ended
 * gets the login page instead, as every protected address does.
 */
@WebServlet(name = "SessionKeepAlive", urlPatterns = "/session/keep-alive")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.EDITOR, Roles.CREW}))
public class SessionKeepAlive extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setHeader("X-Idle-Seconds", Integer.toString(session.getMaxInactiveInterval()));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
