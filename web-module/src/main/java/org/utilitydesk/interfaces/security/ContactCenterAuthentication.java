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
import java.util.Map;
import java.util.Optional;
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
 * <p>Both are throttled ({@link LoginThrottle}): a name or address held back after failed logins is refused, without
 * its password being checked, with the wait in words (the login page) or 429 and {@code Retry-After} (the API).
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

    @Inject
    private LoginThrottle throttle;

    @Inject
    private ClientAddresses clients;

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
            Map<String, String[]> form;
            try {
                form = FormBody.isForm(request) ? FormBody.of(request) : Map.of();
            } catch (IOException e) {
                // a login sent a byte at a time (or a megabyte long) is no login: it would hold a request thread
                LOG.info(() -> "gave up a login's body from " + request.getRemoteAddr() + ": " + e.getMessage());
                boolean slow = e instanceof BodyPace.TooSlow;
                response.setStatus(slow ? HttpServletResponse.SC_REQUEST_TIMEOUT : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setHeader("Connection", "close");
                response.setContentType("text/html;charset=UTF-8");
                try {
                    response.getWriter().write(RefusalPage.html(Texts.bundle(locale(request)),
                            slow ? "error.bodyTooSlow" : "error.formTooLarge", request.getContextPath() + "/login.xhtml"));
                } catch (IOException unwritten) {
                    LOG.fine(() -> "could not write the refusal: " + unwritten.getMessage());
                }
                return AuthenticationStatus.SEND_FAILURE;
            }
            String user = field(form, "j_username");
            String address = clients.address(request);
            Optional<Duration> held = throttle.held(user, address);
            if (held.isPresent()) {
                LOG.info(() -> "login of '" + user + "' from " + address + " held back for " + held.get().toSeconds() + " s");
                return context.redirect(request.getContextPath() + "/login.xhtml?held=" + waitSeconds(held.get()));
            }
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(user, field(form, "j_password")));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(user);
                // a session id someone else knew before the login (planted in the browser) is worth nothing after it
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                return context.notifyContainerAboutLogin(result);
            }
            countFailure(result, user, address);
            LOG.info(() -> "login refused for '" + user + "' from " + address);
            return context.redirect(request.getContextPath() + "/login.xhtml?failed=true");
        }
        return context.doNothing();
    }

    private static String field(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null || values.length == 0 ? "null" : values[0];
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
        String user = decoded.substring(0, colon);
        String address = clients.address(request);
        Optional<Duration> held = throttle.held(user, address);
        if (held.isPresent()) {
            LOG.info(() -> "API login of '" + user + "' from " + address + " held back for " + held.get().toSeconds() + " s");
            return holdBack(request, response, waitSeconds(held.get()));
        }
        String key = fingerprint(decoded);
        Remembered known = verified.get(key);
        if (known == null || known.until().isBefore(Instant.now())) {
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(user, decoded.substring(colon + 1)));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                countFailure(result, user, address);
                LOG.info(() -> "API login refused for '" + user + "' from " + address);
                return refuse(request, response);
            }
            throttle.succeeded(user);
            if (verified.size() > MAX_REMEMBERED) {
                verified.clear();
            }
            known = new Remembered(result, Instant.now().plus(REMEMBER));
            verified.put(key, known);
        }
        return context.notifyContainerAboutLogin(known.result().getCallerPrincipal(), Set.copyOf(known.result().getCallerGroups()));
    }

    /**
     * Only a password found wrong counts towards a hold: a login that could not be checked (the database away) is
     * no guess, and a database outage must not lock everyone out.
     */
    private void countFailure(CredentialValidationResult result, String user, String address) {
        if (result.getStatus() == CredentialValidationResult.Status.INVALID) {
            throttle.failed(user, address);
        }
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"UtilityDesk\", charset=\"UTF-8\"");
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                Texts.bundle(locale(request)).getString("error.unauthorized"));
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 with the wait, in the caller's language: the name or the address is held back after failed logins. */
    private static AuthenticationStatus holdBack(HttpServletRequest request, HttpServletResponse response, long seconds) {
        response.setHeader("Retry-After", Long.toString(seconds));
        answer(response, 429, "too_many_login_failures",
                Texts.bundle(locale(request)).getString("error.loginHeld").replace("{0}", LoginWait.words(seconds, locale(request))));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void answer(HttpServletResponse response, int status, String code, String message) {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        try {
            response.getWriter().write(JSON.createObjectBuilder().add("status", status).add("code", code)
                    .add("message", message).build().toString());
        } catch (IOException e) {
            LOG.fine(() -> "could not write the " + status + " body: " + e.getMessage());
        }
    }

    /** The caller's language as its Accept-Language says: English if it asks for it first, else Chinese. */
    static Locale locale(HttpServletRequest request) {
        return org.utilitydesk.interfaces.desk.Languages.of(request);
    }

    /** Whole seconds, at least one: "try again in 0 s" would invite an immediate retry that is refused again. */
    private static long waitSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String fingerprint(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
