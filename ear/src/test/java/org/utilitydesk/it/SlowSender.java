package org.utilitydesk.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client that sends its request slowly, as someone with a script holding the server's threads would: the request's
 * head sent at once (or only its start), then a byte a second until the server answers.
 */
final class SlowSender {

    final String kind;
    private final Socket socket;
    private final long opened = System.nanoTime();
    volatile String answer;
    volatile long answeredMillis = -1;

    /** Opens a connection to the instance's HTTP port ({@code it.http.port}) and sends {@code head}. */
    SlowSender(String kind, String head) throws IOException {
        this.kind = kind;
        this.socket = new Socket("localhost", Integer.getInteger("it.http.port", 20080));
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The head of a POST that says it has {@code length} bytes of body. */
    static String post(String path, String type, String extraHeaders, int length) {
        return "POST /utilitydesk/" + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n" + extraHeaders
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** A thread that makes every sender send one more byte each second (or read its answer), until interrupted. */
    static Thread trickle(List<SlowSender> senders) {
        Thread trickler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                senders.forEach(SlowSender::tick);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickler");
        trickler.setDaemon(true);
        trickler.start();
        return trickler;
    }

    /** How the senders of each kind were answered: status (or "no answer", or how the connection ended) to count. */
    static Map<String, Map<String, Integer>> answers(List<SlowSender> senders) {
        Map<String, Map<String, Integer>> answers = new TreeMap<>();
        for (SlowSender s : senders) {
            String status = s.answer == null ? "no answer" : s.answer.startsWith("HTTP/1.1 ") ? s.answer.substring(9, 12) : s.answer;
            answers.computeIfAbsent(s.kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
        return answers;
    }

    /** Reads the answer if one came; otherwise sends one more byte. */
    void tick() {
        if (answer != null) {
            return;
        }
        try {
            InputStream in = socket.getInputStream();
            if (in.available() > 0) {
                byte[] start = in.readNBytes(Math.min(in.available(), 12));
                answer = new String(start, StandardCharsets.US_ASCII);
                answeredMillis = (System.nanoTime() - opened) / 1_000_000;
                return;
            }
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            answer = "closed: " + e.getMessage();
            answeredMillis = (System.nanoTime() - opened) / 1_000_000;
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing what the server may have closed already
        }
    }
}
