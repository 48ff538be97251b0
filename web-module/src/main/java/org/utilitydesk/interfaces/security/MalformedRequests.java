package org.utilitydesk.interfaces.security;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Logger;
import org.utilitydesk.interfaces.desk.FacesText;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * Refusals Faces and PrimeFaces make while they read a request, which would otherwise reach the person as an error
 * dialog or a 500 and the log as a stack trace:
 * <ul>
 * <li>A post a page never sends (a table asked for -1 rows per page, a page number that is no number), refused with
 * an {@link IllegalArgumentException}: answered 400 with the "reload the page" message in the person's language.</li>
 * <li>A file PrimeFaces refuses as it takes it in (a name with a folder in it, such as {@code ../../x.jpg}, or one
 * its checks do not allow), refused with a {@link ValidatorException}: the page is shown again with a message
 * saying why, as for any other refused input.</li>
 * </ul>
 * Each is logged on one line. Exceptions from anything else (the application's own code) are left to the default
 * handling: they are faults to be seen in full.
 */
public class MalformedRequests extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(MalformedRequests.class.getName());

    public MalformedRequests(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Refusing(getWrapped().getExceptionHandler());
    }

    /** Whether the exception is Faces or PrimeFaces refusing a request parameter rather than a fault of ours. */
    static boolean malformedRequest(Throwable thrown) {
        return refusedArgument(thrown) != null;
    }

    /** The {@link IllegalArgumentException} in the chain if Faces or PrimeFaces threw it, else null. */
    private static IllegalArgumentException refusedArgument(Throwable thrown) {
        for (Throwable cause : Causes.of(thrown)) {
            if (cause instanceof IllegalArgumentException refusal) {
                for (StackTraceElement frame : cause.getStackTrace()) {
                    String type = frame.getClassName();
                    if (!type.startsWith("java.")) {
                        return type.startsWith("org.primefaces.") || type.startsWith("jakarta.faces.")
                                || type.startsWith("com.sun.faces.") ? refusal : null;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Whether PrimeFaces refused an uploaded file while it read the request. */
    static boolean refusedUpload(Throwable thrown) {
        for (Throwable cause : Causes.of(thrown)) {
            if (cause instanceof ValidatorException && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().startsWith("org.primefaces.")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the refusal was of the file's name (PrimeFaces checks it before anything else). */
    private static boolean refusedName(Throwable thrown) {
        for (Throwable cause : Causes.of(thrown)) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getMethodName().equals("requireValidFilename")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The page is rendered again, the file not taken, with a message saying why. */
    private static void shownAgain(FacesContext faces, Throwable thrown) {
        String from = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
        String view = faces.getViewRoot() == null ? "?" : faces.getViewRoot().getViewId();
        boolean name = refusedName(thrown);
        LOG.info(() -> "refused an upload to " + view + " from " + from + ": " + (name ? "its file name" : "the file"));
        FacesText.message(FacesMessage.SEVERITY_ERROR, name ? "upload.refusedName" : "upload.refused");
        faces.renderResponse();
    }

    private static final class Refusing extends ExceptionHandlerWrapper {

        Refusing(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<jakarta.faces.event.ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                ExceptionQueuedEventContext event = events.next().getContext();
                IllegalArgumentException refusal = refusedArgument(event.getException());
                if (refusal != null && refused(event.getContext(), refusal)) {
                    events.remove();
                } else if (refusedUpload(event.getException())) {
                    shownAgain(event.getContext(), event.getException());
                    events.remove();
                }
            }
            getWrapped().handle();
        }

        private static boolean refused(FacesContext faces, IllegalArgumentException refusal) {
            ExternalContext external = faces.getExternalContext();
            String view = faces.getViewRoot() == null ? external.getRequestServletPath() : faces.getViewRoot().getViewId();
            String reason = refusal.getMessage();
            String from = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
            LOG.warning(() -> "refused a malformed request to " + view + " from " + from + ": " + reason);
            if (external.isResponseCommitted()) {
                return false;
            }
            Locale locale = faces.getViewRoot() == null ? Locale.SIMPLIFIED_CHINESE : faces.getViewRoot().getLocale();
            try {
                external.responseReset();
                SecurityHeaders.set((HttpServletResponse) external.getResponse(), false);
                external.setResponseStatus(400);
                external.setResponseContentType("text/html;charset=UTF-8");
                external.getResponseOutputWriter().write(RefusalPage.html(external.getRequestContextPath(), Texts.bundle(locale)));
            } catch (IOException e) {
                LOG.fine(() -> "the refusal could not be written: " + e);
            }
            faces.responseComplete();
            return true;
        }
    }
}
