package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The most a JSON body may hold: {@value #MAX_JSON_BYTES} bytes (a batch of 500 orders with long descriptions fits
 * several times). A body that says it is larger is refused with 413 before any of it is read; one sent in chunks is
 * counted as it is read and cut off at the limit, a 413 rather than a heap filled with it. (Files have their own
 * limit where they are taken in.)
 */
@Provider
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final long MAX_JSON_BYTES = 8L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (json(request.getMediaType()) && request.getLength() > MAX_JSON_BYTES) {
            request.abortWith(tooLarge(request.getAcceptableLanguages()));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!json(context.getMediaType())) {
            return context.proceed();
        }
        Counted counted = new Counted(context.getInputStream());
        context.setInputStream(counted);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (counted.exceeded) {
                throw new TooLarge();
            }
            throw e;
        }
    }

    private static boolean json(MediaType type) {
        return type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }

    /** A body cut off at the limit while it was read; the exception mapper answers it in the caller's language. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("body over " + MAX_JSON_BYTES + " bytes", null, false, false);
        }
    }

    static Response tooLarge(java.util.List<java.util.Locale> accepted) {
        return ApiError.response(accepted, Response.Status.REQUEST_ENTITY_TOO_LARGE, "bodyTooLarge",
                MAX_JSON_BYTES / (1024 * 1024));
    }

    private static final class Counted extends FilterInputStream {
        private long read;
        private boolean exceeded;

        Counted(InputStream in) {
            super(in);
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
            if (read > MAX_JSON_BYTES) {
                exceeded = true;
                throw new IOException("body over " + MAX_JSON_BYTES + " bytes");
            }
        }
    }
}
