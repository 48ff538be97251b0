package org.utilitydesk.interfaces.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The pace a request body must keep once its headers have arrived. A request thread waits while a body arrives, so
 * a client sending a byte every few seconds holds one for as long as it likes; a few hundred such clients would take
 * the pages from every agent. After {@link #GRACE} the body must have come at {@value #MIN_BYTES_PER_SECOND} bytes a
 * second on average (a crew's photo over a poor mobile link comes faster than that), or reading it is given up with
 * {@link TooSlow} and the connection is closed.
 *
 * <p>What the application reads itself goes through this: forms (see {@link SlowBodies}), the login, JSON and files
 * posted to the API. Multipart uploads on the pages are read by the container; for them, the transport's read
 * timeout and the size of the request thread pool are the bound (see server-config/bin/runtime.sh, slow_clients).
 */
public final class BodyPace {

    static final Duration GRACE = Duration.ofSeconds(10);
    static final long MIN_BYTES_PER_SECOND = 2048;

    private final long started;
    private long read;

    private BodyPace(long started) {
        this.started = started;
    }

    static BodyPace fromNow() {
        return new BodyPace(System.nanoTime());
    }

    /** Counts {@code bytes} more of the body as read at {@code now} (nanoTime), refusing a body behind its pace. */
    void count(long bytes, long now) throws TooSlow {
        read += Math.max(0, bytes);
        long elapsedMillis = (now - started) / 1_000_000;
        long owedAfterGrace = (elapsedMillis - GRACE.toMillis()) * MIN_BYTES_PER_SECOND / 1000;
        if (owedAfterGrace > read) {
            throw new TooSlow(read, elapsedMillis);
        }
    }

    /** {@code in}, read at this pace. */
    static ServletInputStream paced(ServletInputStream in) {
        return new Paced(in, fromNow());
    }

    /** Whether {@code thrown} is, or was caused by, a body given up for its pace. */
    public static boolean gaveUp(Throwable thrown) {
        return Causes.of(thrown).stream().anyMatch(TooSlow.class::isInstance);
    }

    /** A body that did not keep its pace; reading it was given up. */
    public static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow(long bytes, long millis) {
            super("request body too slow: " + bytes + " bytes in " + millis + " ms", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final class Paced extends ServletInputStream {
        private final ServletInputStream in;
        private final BodyPace pace;

        Paced(ServletInputStream in, BodyPace pace) {
            this.in = in;
            this.pace = pace;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                pace.count(1, System.nanoTime());
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n >= 0) {
                pace.count(n, System.nanoTime());
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
