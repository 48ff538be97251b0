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
 */
final class AgiSockets implements ServerSocketFacade {

    static final int MAX_REQUEST_LINES = 200;
    /** No AGI line comes near this (a long channel variable is a few hundred bytes); a longer one is garbage. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int BACKLOG = 1000;

    private final ServerSocket server;
    private final int requestMillis;
    private volatile int callMillis;
    private final AgiCommandTimes times;

    AgiSockets(String address, int port, int requestMillis, int callMillis, AgiCommandTimes times) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new java.net.InetSocketAddress(address, port), BACKLOG);
        this.requestMillis = requestMillis;
        this.callMillis = callMillis;
        this.times = times;
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Socket socket = server.accept();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(requestMillis);
            return new Connection(socket, callMillis, times);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
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

        Connection(Socket socket, int callMillis, AgiCommandTimes times) throws IOException {
            this.socket = socket;
            this.times = times;
            this.callMillis = callMillis;
            this.requestDeadline = System.nanoTime() + socket.getSoTimeout() * 1_000_000L;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** A line without its LF or CR LF; null at the end of the stream. */
        @Override
        public String readLine() throws IOException {
            if (requestRead) {
                String line = nextLine();
                readAt = System.nanoTime();
                return line;
            }
            if (++requestLines > MAX_REQUEST_LINES) {
                throw new IOException("no end of the AGI request after " + MAX_REQUEST_LINES + " lines");
            }
            String line;
            try {
                line = nextLine();
            } catch (SocketTimeoutException e) {
                throw new IOException("no complete AGI request within " + socket.getSoTimeout() + " ms", e);
            }
            if (System.nanoTime() > requestDeadline) {
                throw new IOException("the AGI request took longer than " + socket.getSoTimeout() + " ms");
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
            byte[] bytes = command.toString().getBytes(StandardCharsets.UTF_8);
            command.setLength(0);
            out.write(bytes);
            out.flush();
            if (readAt != 0) {
                times.record(System.nanoTime() - readAt);
                readAt = 0;
            }
        }

        @Override
        public void close() throws IOException {
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
}
