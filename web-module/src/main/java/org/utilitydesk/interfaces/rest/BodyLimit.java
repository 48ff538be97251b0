package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.utilitydesk.interfaces.security.Causes;

/**
 * The most a request body may hold, per endpoint: {@value #DEFAULT_BYTES} bytes (one order, an action, a vote fit
 * many times over) unless the method or its resource says more with {@link MaxBody} (a batch, an article, a file). A
 * body that says it is larger is refused with 413 before any of it is read, and its connection is closed rather than
 * read to the end; one sent in chunks is counted as it is read and cut off at the limit, a 413 rather than a heap
 * filled with it.
 */
@Provider
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final long DEFAULT_BYTES = 256L * 1024;
    /**
     * The most of a refused body the server reads to its end (and drops); as Payara's max-swallowing-input-bytes,
     * which the scripts set to the same, for bodies sent in chunks.
     */
    static final long DROPPED_BYTES = 32L * 1024 * 1024;

    @Context
    private ResourceInfo resource;

    /** The most a body to one method may hold, and the message a larger one is refused with (empty: the general one). */
    record Limit(long bytes, String messageKey) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Limit limit = limit();
        if (request.getLength() > limit.bytes()) {
            Response refusal = tooLarge(request.getAcceptableLanguages(), limit);
            // a body of moderate size is read and dropped before the answer, so that a client still sending it reads
            // the 413 (many report an answer that comes while they send, and the connection closed under them, as a
            // network error); a larger one is answered at once and its connection closed
            if (request.getLength() <= DROPPED_BYTES && dropped(request)) {
                request.abortWith(refusal);
            } else {
                request.abortWith(Response.fromResponse(refusal).header("Connection", "close").build());
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Counted counted = new Counted(context.getInputStream(), limit());
        context.setInputStream(counted);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (counted.exceeded) {
                throw new TooLarge(counted.limit);
            }
            throw e;
        }
    }

    /** Reads the body to its end without keeping it (at the pace the request must keep); false if it could not. */
    private static boolean dropped(ContainerRequestContext request) {
        try (InputStream body = request.getEntityStream()) {
            body.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The limit of the method the request goes to. */
    Limit limit() {
        Method method = resource == null ? null : resource.getResourceMethod();
        MaxBody max = method == null ? null : Optional.ofNullable(method.getAnnotation(MaxBody.class))
                .orElse(method.getDeclaringClass().getAnnotation(MaxBody.class));
        return max == null ? new Limit(DEFAULT_BYTES, "") : new Limit(max.value(), max.message());
    }

    /** The limit a body was cut off at, if {@code thrown} says one was (a file read by the resource itself). */
    static Optional<Limit> exceeded(Throwable thrown) {
        return Causes.of(thrown).stream()
                .map(t -> t instanceof TooLarge large ? large.limit : t instanceof Exceeded over ? over.limit : null)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** A body cut off at the limit while it was read; the exception mapper answers it in the caller's language. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Limit limit;

        TooLarge(Limit limit) {
            super("body over " + limit.bytes() + " bytes", null, false, false);
            this.limit = limit;
        }
    }

    /** What the counting stream throws at the limit. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Limit limit;

        Exceeded(Limit limit) {
            super("body over " + limit.bytes() + " bytes", null);
            this.limit = limit;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** 413 naming the limit, or with the endpoint's own message. */
    static Response tooLarge(List<Locale> accepted, Limit limit) {
        return limit.messageKey().isEmpty()
                ? ApiError.response(accepted, Response.Status.REQUEST_ENTITY_TOO_LARGE, "bodyTooLarge", size(limit.bytes()))
                : ApiError.explained(accepted, Response.Status.REQUEST_ENTITY_TOO_LARGE, "bodyTooLarge", limit.messageKey());
    }

    /** 256 KB, 8 MB. */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)) : bytes / 1024 + " KB";
    }

    private static final class Counted extends FilterInputStream {
        private final Limit limit;
        private long read;
        private boolean exceeded;

        Counted(InputStream in, Limit limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit.bytes()) {
                exceeded = true;
                throw new Exceeded(limit);
            }
        }
    }
}
