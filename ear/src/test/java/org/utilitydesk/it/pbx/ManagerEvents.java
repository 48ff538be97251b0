package org.utilitydesk.it.pbx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tests' own view of a real Asterisk: a plain connection to its manager interface (not the application's
 * client library) that keeps every event in arrival order, so a test can wait for what Asterisk did (a channel
 * made, an AGI command started, a hang-up) and look at the order afterwards.
 */
public final class ManagerEvents implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final List<Map<String, String>> received = new ArrayList<>();
    private final Thread reader;
    private int actionId;

    ManagerEvents(String host, int port, String user, String secret) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(0);
        out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String banner = in.readLine();
        if (banner == null || !banner.startsWith("Asterisk Call Manager")) {
            socket.close();
            throw new IOException("not an Asterisk manager interface: " + banner);
        }
        reader = new Thread(() -> read(in), "ami-events-" + port);
        reader.setDaemon(true);
        reader.start();
        Map<String, String> login = action(Map.of("Action", "Login", "Username", user, "Secret", secret, "Events", "on"));
        if (!"Success".equals(login.get("Response"))) {
            close();
            throw new IOException("the tests' manager login was refused: " + login);
        }
    }

    private void read(BufferedReader in) {
        Map<String, String> message = new LinkedHashMap<>();
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!message.isEmpty()) {
                        synchronized (received) {
                            received.add(message);
                            received.notifyAll();
                        }
                        message = new LinkedHashMap<>();
                    }
                    continue;
                }
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    // a command's output comes as one Output line per line of text
                    String key = line.substring(0, colon);
                    if ("Output".equals(key)) {
                        message.merge(key, line.substring(colon + 2), (earlier, next) -> earlier + "\n" + next);
                    } else {
                        message.putIfAbsent(key, line.substring(colon + 2));
                    }
                }
            }
        } catch (IOException closed) {
            // the connection ended (close() or Asterisk stopped): waiting tests time out with what was seen
        }
    }

    /** Sends an action and waits up to 5 s for its response. */
    public Map<String, String> action(Map<String, String> fields) throws IOException {
        String id;
        int from;
        synchronized (this) {
            id = "t" + (++actionId);
            from = mark();
            StringBuilder text = new StringBuilder();
            fields.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
            text.append("ActionID: ").append(id).append("\r\n\r\n");
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return await(from, m -> id.equals(m.get("ActionID")) && m.containsKey("Response"), Duration.ofSeconds(5),
                "the response to " + fields.get("Action"));
    }

    /** Runs a CLI command (the Command action) and gives its output, one line per line. */
    public String command(String command) throws IOException {
        Map<String, String> answer = action(Map.of("Action", "Command", "Command", command));
        if (!"Success".equals(answer.get("Response"))) {
            throw new IOException("Asterisk refused the command " + command + ": " + answer);
        }
        return answer.getOrDefault("Output", "");
    }

    /**
     * From now on Asterisk sends this connection only the events whose name matches {@code names} (a regular
     * expression such as {@code Newchannel|Hangup}), as a manager filter: a load run does not buffer every RTCP
     * report.
     */
    public void only(String names) throws IOException {
        Map<String, String> answer = action(Map.of("Action", "Filter", "Operation", "Add", "Filter", "Event: (" + names + ")"));
        if (!"Success".equals(answer.get("Response"))) {
            throw new IOException("Asterisk refused the event filter: " + answer);
        }
    }

    /** The position the next event will have: wait for events from here on. */
    public int mark() {
        synchronized (received) {
            return received.size();
        }
    }

    /** The first message at or after {@code from} that matches, waiting at most {@code limit} for it. */
    public Map<String, String> await(int from, Predicate<Map<String, String>> matches, Duration limit, String what) {
        return received(awaitIndex(from, matches, limit, what));
    }

    /** Like {@link #await} but gives the message's position. */
    public int awaitIndex(int from, Predicate<Map<String, String>> matches, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            int next = from;
            while (true) {
                for (; next < received.size(); next++) {
                    if (matches.test(received.get(next))) {
                        return next;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Asterisk did not report " + what + " within " + limit.toSeconds()
                            + " s; the last events: " + received.subList(Math.max(from, received.size() - 8), received.size()));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what);
                }
            }
        }
    }

    public Map<String, String> received(int index) {
        synchronized (received) {
            return received.get(index);
        }
    }

    /** Every message from {@code from} on that matches. */
    public List<Map<String, String>> since(int from, Predicate<Map<String, String>> matches) {
        synchronized (received) {
            return received.subList(Math.min(from, received.size()), received.size()).stream().filter(matches).toList();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
