package org.utilitydesk.interfaces.security;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * The one authentication mechanism of the web module. People log in through the form on login.xhtml
 * (posting to {@code j_security_check}); programs calling {@code /api/*} send HTTP Basic credentials with
 * each request, or ride on the desk's session. Failed API logins get a JSON 401 in the caller's language.
 *
 * <p>PBKDF2 is slow on purpose, so a successful API check is remembered for a minute, keyed by a SHA-256
 * of the credentials (never the password itself); a channel making many calls pays for it once.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login.xhtml?failed=true", useForwardToLogin = false)
public class ContactCenterAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ContactCenterAuthentication.class.getName());
    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final ConcurrentMap<String, Remembered> verified = new ConcurrentHashMap<>();

    @Inject
    private IdentityStoreHandler identityStores;

    private record Remembered(CredentialValidationResult result, Instant until) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basic(header.substring(6).trim(), request, response, context);
            }
            return context.doNothing();
        }
        if ("POST".equals(request.getMethod()) && path.equals("/j_security_check")) {
            CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                    String.valueOf(request.getParameter("j_username")), String.valueOf(request.getParameter("j_password"))));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            LOG.info(() -> "login refused for '" + request.getParameter("j_username") + "' from " + request.getRemoteAddr());
            return context.redirect(request.getContextPath() + "/login.xhtml?failed=true");
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(request, response);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return refuse(request, response);
        }
        String key = fingerprint(decoded);
        Remembered known = verified.get(key);
        if (known == null || known.until().isBefore(Instant.now())) {
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                LOG.info(() -> "API login refused for '" + decoded.substring(0, colon) + "' from " + request.getRemoteAddr());
                return refuse(request, response);
            }
            if (verified.size() > MAX_REMEMBERED) {
                verified.clear();
            }
            known = new Remembered(result, Instant.now().plus(REMEMBER));
            verified.put(key, known);
        }
        return context.notifyContainerAboutLogin(known.result().getCallerPrincipal(), Set.copyOf(known.result().getCallerGroups()));
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response) {
        String accepted = request.getHeader("Accept-Language");
        Locale locale = accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String message = Texts.bundle(locale).getString("error.unauthorized");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"UtilityDesk\", charset=\"UTF-8\"");
        response.setContentType("application/json;charset=UTF-8");
        try {
            response.getWriter().write(JSON.createObjectBuilder().add("status", 401).add("code", "unauthorized")
                    .add("message", message).build().toString());
        } catch (IOException e) {
            LOG.fine(() -> "could not write the 401 body: " + e.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String fingerprint(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
