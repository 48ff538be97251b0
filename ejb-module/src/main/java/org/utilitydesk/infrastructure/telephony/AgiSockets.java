package org.utilitydesk.infrastructure.telephony;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The FastAGI listening socket, with the two rules asterisk-java's own leaves out. A peer must send its
 * request (the {@code agi_*} lines up to the blank line) within {@code requestMillis} and in at most
 * {@link #MAX_REQUEST_LINES} lines; one that connects and stays silent, or trickles lines, is cut off
 * instead of holding a call thread for hours. After the request, a reply may take as long as the call
 * ({@code EXEC Dial} answers when the conversation ends), up to {@code callMillis}. Lines may end in LF,
 * as Asterisk sends them, or in CR LF, as some AGI proxies and hand-written clients do: with LF only,
 * a CR LF request never reached its blank line and hung until the peer gave up.
 */
final class AgiSockets implements ServerSocketFacade {

    static final int MAX_REQUEST_LINES = 200;
    private static final int BACKLOG = 1000;

    private final ServerSocket server;
    private final int requestMillis;
    private volatile int callMillis;

    AgiSockets(int port, int requestMillis, int callMillis) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new java.net.InetSocketAddress(port), BACKLOG);
        this.requestMillis = requestMillis;
        this.callMillis = callMillis;
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Socket socket = server.accept();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(requestMillis);
            return new Connection(socket, callMillis);
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

    /** One session: the request under its short deadline, then the call. */
    private static final class Connection implements SocketConnectionFacade {
        private final Socket socket;
        private final BufferedReader in;
        private final BufferedWriter out;
        private final int callMillis;
        private final long requestDeadline;
        private boolean requestRead;
        private int requestLines;

        Connection(Socket socket, int callMillis) throws IOException {
            this.socket = socket;
            this.callMillis = callMillis;
            this.requestDeadline = System.nanoTime() + socket.getSoTimeout() * 1_000_000L;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        }

        /** A line without its LF or CR LF; null at the end of the stream. */
        @Override
        public String readLine() throws IOException {
            if (requestRead) {
                return in.readLine();
            }
            if (++requestLines > MAX_REQUEST_LINES) {
                throw new IOException("no end of the AGI request after " + MAX_REQUEST_LINES + " lines");
            }
            String line;
            try {
                line = in.readLine();
            } catch (SocketTimeoutException e) {
                throw new IOException("no complete AGI request within " + socket.getSoTimeout() + " ms", e);
            }
            if (System.nanoTime() > requestDeadline) {
                throw new IOException("the AGI request took longer than " + socket.getSoTimeout() + " ms");
            }
            if (line != null && line.isEmpty()) {
                requestRead = true;
                socket.setSoTimeout(callMillis);
            }
            return line;
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
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
