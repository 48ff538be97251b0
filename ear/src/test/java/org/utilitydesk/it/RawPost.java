package org.utilitydesk.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that posts a large JSON body (its start, then one string as long as asked) over a socket of its own, at a pace
 * if told, and reads the answer while it is still sending, as a careless channel would: a server may answer (and
 * close) long before the body ends, which Java's HTTP client reports as a broken connection instead of the answer.
 */
final class RawPost {

    /** The answer's status and body, when it came after the request's head, and how much of the body was sent by then. */
    record Answer(int status, String body, long millis, long bytesSent) {
    }


    private RawPost() {
    }

    /**
     * Posts {@code bodyBytes} of JSON to {@code path} as agent01 ({@code jsonStart}, e.g. {@code {"subject":"}, then
     * the string's characters: valid as far as it goes, so a server reads it until its limit), in chunks or with the
     * length stated, at {@code bytesPerSecond} (0: as fast as it goes), and waits up to a minute for the answer.
     */
    static Answer post(String path, String jsonStart, long bodyBytes, boolean chunked, long bytesPerSecond, String language)
            throws Exception {
        try (Socket socket = new Socket("localhost", Integer.getInteger("it.http.port", 20080))) {
            socket.setSoTimeout(60_000);
            String credentials = Base64.getEncoder().encodeToString("agent01:agent123".getBytes(StandardCharsets.UTF_8));
            String head = "POST /utilitydesk/" + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nAccept-Language: " + language + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            long start = System.nanoTime();
            byte[] first = jsonStart.getBytes(StandardCharsets.UTF_8);
            Thread writer = new Thread(() -> send(out, first, bodyBytes, chunked, bytesPerSecond, sent, start), "raw-post");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readAnswer(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            long bytesSent = sent.get();
            writer.interrupt();
            socket.close();
            writer.join(5000);
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), millis, bytesSent);
        }
    }

    private static void send(OutputStream out, byte[] first, long bodyBytes, boolean chunked, long bytesPerSecond,
                             AtomicLong sent, long start) {
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) 'x');
        try {
            if (chunked) {
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(first);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            sent.addAndGet(first.length);
            while (sent.get() < bodyBytes && !Thread.currentThread().isInterrupted()) {
                int n = (int) Math.min(piece.length, bodyBytes - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                long total = sent.addAndGet(n);
                if (bytesPerSecond > 0) {
                    long due = start + total * 1_000_000_000L / bytesPerSecond;
                    long wait = (due - System.nanoTime()) / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the server answered and closed (or the test is done): the rest is not sent
        }
    }

    /** The answer up to the end of its body (its stated length), or until the server closes. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(text);
            if (headEnd >= 0 && length.find() && length.start() < headEnd
                    && answer.size() >= headEnd + 4 + Integer.parseInt(length.group(1))) {
                break;
            }
        }
        return answer.toByteArray();
    }
}
