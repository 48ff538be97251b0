package org.utilitydesk.infrastructure.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The FastAGI listening socket, with the two rules asterisk-java's own leaves out. A peer must send its
 * request (the {@code agi_*} lines up to the blank line) within {@code requestMillis} and in at most
 * {@link #MAX_REQUEST_LINES} lines; one that connects and stays silent, or trickles lines, is cut off
 * instead of holding a call thread for hours. After the request, a reply may take as long as the call
 * ({@code EXEC Dial} answers when the conversation ends), up to {@code callMillis}. Lines may end in LF,
 * as Asterisk sends them, or in CR LF, as some AGI proxies and hand-written clients do: with LF only,
 * a CR LF request never reached its blank line and hung until the peer gave up. A line of more than
 * {@link #MAX_LINE_BYTES} ends the session rather than filling the heap. Each command's time since the
 * reply before it goes to {@link AgiCommandTimes}.
 *
 * <p>FastAGI has no authentication, so a session must look like Asterisk's ({@link AgiRequestCheck}) and is closed at
 * the first line that shows otherwise; each reply has a deadline fitting its command ({@link ReplyDeadline}) rather
 * than the call's hours; only the configured source addresses are served, each with at most so many sessions at once.
 * Refusals are logged one line each, at most {@link #REFUSALS_LOGGED_A_MINUTE} a minute (then a count).
 */
final class AgiSockets implements ServerSocketFacade {

    static final int MAX_REQUEST_LINES = 200;
    /** No AGI line comes near this (a long channel variable is a few hundred bytes); a longer one is garbage. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int BACKLOG = 1000;
    static final int REFUSALS_LOGGED_A_MINUTE = 20;

    /** Who may open sessions, and how many each: the FastAGI server's settings. */
    record Admission(Set<InetAddress> allowed, int perAddress, Predicate<String> scripts) {
        /** This host is always served: the IVR's own warm-up calls come from it. */
        boolean allows(InetAddress address) {
            return allowed.isEmpty() || allowed.contains(address) || address.isLoopbackAddress();
        }
    }

    private final ServerSocket server;
    private final int requestMillis;
    private volatile int callMillis;
    private final AgiCommandTimes times;
    private final Admission admission;
    private final ConcurrentMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Refusals refusals = new Refusals();

    AgiSockets(String address, int port, int requestMillis, int callMillis, AgiCommandTimes times, Admission admission)
            throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new java.net.InetSocketAddress(address, port), BACKLOG);
        this.requestMillis = requestMillis;
        this.callMillis = callMillis;
        this.times = times;
        this.admission = admission;
    }

    /** The next session from an allowed address under its cap; others are closed as they come. */
    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = server.accept();
            InetAddress peer = socket.getInetAddress();
            if (!admission.allows(peer)) {
                refusals.refused(peer, "its address may not use FastAGI (utilitydesk.agi.allowed-addresses)");
                socket.close();
                continue;
            }
            AtomicInteger sessions = open.computeIfAbsent(peer, p -> new AtomicInteger());
            if (sessions.incrementAndGet() > admission.perAddress()) {
                sessions.decrementAndGet();
                refusals.refused(peer, "it has " + admission.perAddress() + " sessions open (utilitydesk.agi.max-sessions-per-address)");
                socket.close();
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(requestMillis);
                return new Connection(socket, callMillis, times, new AgiRequestCheck(admission.scripts()), () -> sessions.decrementAndGet(), refusals);
            } catch (IOException e) {
                sessions.decrementAndGet();
                socket.close();
                throw e;
            }
        }
    }

    /** How many sessions {@code address} has open now. */
    int openSessions(InetAddress address) {
        AtomicInteger sessions = open.get(address);
        return sessions == null ? 0 : sessions.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        this.callMillis = socketReadTimeout;
    }

    /**
     * One session: the request under its short deadline, then the call. Lines are read from a small byte
     * buffer and a command is written as one array of bytes: AGI lines are short, and the 40 KB of reader and
     * writer buffers a session had before were, at a few hundred calls a second, the largest share of what
     * the server allocated (young collections, and the pauses that come with them, every 2-3 s).
     */
    private static final class Connection implements SocketConnectionFacade {
        private final Socket socket;
        private final AgiCommandTimes times;
        private final AgiRequestCheck check;
        private final Runnable closed;
        private final Refusals refusals;
        private boolean released;
        /** The command waiting for its reply, and the reply's deadline. */
        private String awaited;
        private int awaitedMillis;
        private final InputStream in;
        private final OutputStream out;
        private final int callMillis;
        private final long requestDeadline;
        private final byte[] buffer = new byte[512];
        private int position;
        private int limit;
        private byte[] line = new byte[128];
        private final StringBuilder command = new StringBuilder(96);
        private boolean requestRead;
        private int requestLines;
        /** When the last line of the request or of a reply was read (nanoTime); 0 once a command answered it. */
        private long readAt;

        Connection(Socket socket, int callMillis, AgiCommandTimes times, AgiRequestCheck check, Runnable closed,
                   Refusals refusals) throws IOException {
            this.socket = socket;
            this.times = times;
            this.check = check;
            this.closed = closed;
            this.refusals = refusals;
            this.callMillis = callMillis;
            this.requestDeadline = System.nanoTime() + socket.getSoTimeout() * 1_000_000L;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** A line without its LF or CR LF; null at the end of the stream. */
        @Override
        public String readLine() throws IOException {
            if (requestRead) {
                String line;
                try {
                    line = nextLine();
                } catch (SocketTimeoutException e) {
                    // nothing more is sent to a peer that stopped answering (asterisk-java would still set its status)
                    close();
                    ReplyDeadline.Overdue overdue = new ReplyDeadline.Overdue(awaited, awaitedMillis);
                    ReplyDeadline.missed(overdue.getMessage());
                    throw overdue;
                }
                readAt = System.nanoTime();
                return line;
            }
            if (requestLines == 0) {
                ReplyDeadline.forget();
            }
            if (++requestLines > MAX_REQUEST_LINES) {
                throw new IOException("no end of the AGI request after " + MAX_REQUEST_LINES + " lines");
            }
            String line;
            try {
                line = nextLine();
                if (System.nanoTime() > requestDeadline) {
                    throw new IOException("the AGI request took longer than " + socket.getSoTimeout() + " ms");
                }
            } catch (SocketTimeoutException e) {
                refusals.refused(socket.getInetAddress(), "no complete AGI request within " + socket.getSoTimeout() + " ms");
                throw new IOException("no complete AGI request within " + socket.getSoTimeout() + " ms", e);
            } catch (IOException e) {
                refusals.refused(socket.getInetAddress(), e.getMessage());
                throw e;
            }
            String refusal = line == null ? null : line.isEmpty() ? check.refusalAtEnd() : check.refusal(line);
            if (refusal != null) {
                refusals.refused(socket.getInetAddress(), refusal);
                throw new IOException("not an AGI session: " + refusal);
            }
            if (line != null && line.isEmpty()) {
                requestRead = true;
                socket.setSoTimeout(callMillis);
                readAt = System.nanoTime();
            }
            return line;
        }

        /** The next line as UTF-8 (CR LF or LF), the last one also without its end; null at the end of the stream. */
        private String nextLine() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    if (!requestRead && System.nanoTime() > requestDeadline) {
                        throw new IOException("the AGI request took longer than " + socket.getSoTimeout() + " ms");
                    }
                    limit = in.read(buffer);
                    position = 0;
                    if (limit < 0) {
                        limit = 0;
                        return length == 0 ? null : text(length);
                    }
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    return text(length);
                }
                if (length == MAX_LINE_BYTES) {
                    throw new IOException("AGI line longer than " + MAX_LINE_BYTES + " bytes");
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
                }
                line[length++] = b;
            }
        }

        private String text(int length) {
            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            return new String(line, 0, end, StandardCharsets.UTF_8);
        }

        @Override
        public void write(String s) {
            command.append(s);
        }

        @Override
        public void flush() throws IOException {
            String sent = command.toString();
            byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
            command.setLength(0);
            if (requestRead) {
                awaited = sent.strip();
                awaitedMillis = ReplyDeadline.of(awaited, callMillis);
                socket.setSoTimeout(awaitedMillis);
            }
            out.write(bytes);
            out.flush();
            if (readAt != 0) {
                times.record(System.nanoTime() - readAt);
                readAt = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (!released) {
                released = true;
                closed.run();
            }
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected() && !socket.isClosed();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }

    /** One log line per refused session, at most {@link #REFUSALS_LOGGED_A_MINUTE} a minute; then how many more there were. */
    static final class Refusals {
        private static final Logger LOG = Logger.getLogger(AgiSockets.class.getName());
        private long minute;
        private int logged;
        private int unlogged;

        synchronized void refused(InetAddress peer, String why) {
            long now = System.currentTimeMillis() / 60_000;
            if (now != minute) {
                if (unlogged > 0) {
                    int more = unlogged;
                    LOG.warning(() -> more + " more FastAGI sessions refused in the minute before");
                }
                minute = now;
                logged = 0;
                unlogged = 0;
            }
            if (logged++ < REFUSALS_LOGGED_A_MINUTE) {
                LOG.warning(() -> "FastAGI session from " + peer.getHostAddress() + " refused: " + why);
            } else {
                unlogged++;
            }
        }
    }
}
