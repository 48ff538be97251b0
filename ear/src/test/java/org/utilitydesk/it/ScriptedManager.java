package org.utilitydesk.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Asterisk's manager interface (AMI) speaking its real wire protocol: the greeting line,
 * "Key: Value" packets ended by a blank line, MD5 challenge login, the actions the application sends
 * (CoreSettings, Ping, Originate, Redirect and Hangup of an agent's leg, ExtensionState, Logoff) and the
 * channel events a call produces. One instance serves the
 * whole test run on the port the application is configured with; tests make it emit a call's events,
 * decide how the next outbound call goes, drop every connection or stop listening.
 */
final class ScriptedManager {

    /** How an Originate the application sends turns out. */
    enum Outcome {
        /** Picked up, and hung up a moment later. */
        ANSWERED,
        /** Picked up, and the line stays up (the test plays the conversation, then ends it itself). */
        ANSWERED_HELD,
        NO_ANSWER,
        BUSY
    }

    private static ScriptedManager shared;

    private final int port;
    private final String user;
    private final String secret;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger LOCAL_CHANNELS = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile Outcome nextOriginate = Outcome.ANSWERED;
    /** ExtensionState status per extension (0 idle, 4 unavailable); absent: no hint (-1). */
    private final Map<String, Integer> phones = new java.util.concurrent.ConcurrentHashMap<>();

    private ScriptedManager(int port, String user, String secret) {
        this.port = port;
        this.user = user;
        this.secret = secret;
    }

    /** The run's manager interface, listening from the first call on (the application then logs in). */
    static synchronized ScriptedManager shared() {
        if (shared == null) {
            shared = new ScriptedManager(Integer.getInteger("it.ami.port", 25038),
                    System.getProperty("it.ami.user", "utilitydesk"), System.getProperty("it.ami.password", "utilitydesk"));
            shared.listen();
        }
        return shared;
    }

    /** Starts accepting connections (again). */
    synchronized void listen() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            socket.setReuseAddress(true);
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), "scripted-ami-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("the scripted AMI cannot listen on port " + port, e);
        }
    }

    /** As an Asterisk that stops: no new connections, and every open one is closed. */
    synchronized void stopListening() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        dropConnections();
    }

    /** As a network failure or an Asterisk restart: every open connection closes at once. */
    void dropConnections() {
        for (Session session : sessions) {
            session.close();
        }
    }

    /** How many times a client has logged in successfully since the run began. */
    int logins() {
        return logins.get();
    }

    boolean hasLoggedInClient() {
        return sessions.stream().anyMatch(s -> s.loggedIn);
    }

    /**
     * The actions received with this name ("Originate"), each as its headers, oldest first; not the recordings
     * folder checks the application originates after each login (tests count the calls it places).
     */
    List<Map<String, String>> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("action")) && !isFolderCheck(a)).toList();
    }

    private static boolean isFolderCheck(Map<String, String> action) {
        return action.getOrDefault("channel", "").startsWith("Local/s@utilitydesk-check");
    }

    void nextOriginate(Outcome outcome) {
        nextOriginate = outcome;
    }

    /**
     * The phone on {@code extension} registers (true) or goes away (false): ExtensionState answers so from
     * now on, and a DeviceStateChange event says so at once, as Asterisk does.
     */
    void phone(String extension, boolean registered) {
        phones.put(extension, registered ? 0 : 4);
        emit("DeviceStateChange", "Device: PJSIP/" + extension + "\r\nState: " + (registered ? "NOT_INUSE" : "UNAVAILABLE") + "\r\n");
    }

    /** Forgets what {@link #phone} said: the extension has no hint again. */
    void forgetPhone(String extension) {
        phones.remove(extension);
    }

    /** A call from {@code caller} to the hotline appears on the phone system: its channel is created. */
    ManagerCall newCall(String caller) {
        ManagerCall call = new ManagerCall(ScriptedAsterisk.newUniqueId(), "PJSIP/trunk-" + Long.toHexString(System.nanoTime()));
        emit("Newchannel", call.channelHeaders(caller, "0", "Down") + "Exten: 95598\r\nContext: utilitydesk-inbound\r\n");
        return call;
    }

    /** The channels of the calls made through this manager interface that have not hung up, by unique id. */
    private final Map<String, String> up = new java.util.concurrent.ConcurrentHashMap<>();

    /** The channel events of one call, emitted as Asterisk would. */
    final class ManagerCall {
        final String uniqueId;
        final String channel;

        ManagerCall(String uniqueId, String channel) {
            this.uniqueId = uniqueId;
            this.channel = channel;
            up.put(uniqueId, channel);
        }

        ManagerCall answered() {
            emit("Newstate", channelHeaders(null, "6", "Up"));
            return this;
        }

        /** The channel hangs up with this Q.850 cause (16 Normal Clearing, 17 User busy, 19 No answer, ...). */
        void hangsUp(int cause, String causeText) {
            up.remove(uniqueId);
            emit("Hangup", channelHeaders(null, "6", "Up") + "Cause: " + cause + "\r\nCause-txt: " + causeText + "\r\n");
        }

        private String channelHeaders(String caller, String state, String stateDesc) {
            return "Channel: " + channel + "\r\nChannelState: " + state + "\r\nChannelStateDesc: " + stateDesc + "\r\n"
                    + "CallerIDNum: " + (caller == null ? "<unknown>" : caller) + "\r\nCallerIDName: <unknown>\r\n"
                    + "Language: zh\r\nAccountCode: \r\nPriority: 1\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + uniqueId + "\r\n";
        }
    }

    /** Sends an event to every logged-in client. */
    void emit(String event, String headers) {
        String packet = "Event: " + event + "\r\nPrivilege: call,all\r\n" + headers + "\r\n";
        for (Session session : sessions) {
            if (session.loggedIn) {
                session.write(packet);
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Session session = new Session(socket.accept());
                sessions.add(session);
                Thread reader = new Thread(session::serve, "scripted-ami-session");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client's connection. */
    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean loggedIn;
        private String challenge;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write("Asterisk Call Manager/7.0.3\r\n");
                Map<String, String> packet = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            packet.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                                    (a, b) -> a + "\n" + b);
                        }
                        continue;
                    }
                    if (!packet.isEmpty()) {
                        actions.add(Map.copyOf(packet));
                        answer(packet);
                        packet = new LinkedHashMap<>();
                    }
                }
            } catch (IOException e) {
                // the client went away or the test dropped the connection
            } finally {
                close();
            }
        }

        private void answer(Map<String, String> action) {
            String id = action.getOrDefault("actionid", "");
            String head = "ActionID: " + id + "\r\n";
            switch (action.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
                case "challenge" -> {
                    challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                    write("Response: Success\r\n" + head + "Challenge: " + challenge + "\r\n\r\n");
                }
                case "login" -> login(action, head);
                case "coresettings" -> write("Response: Success\r\n" + head + "AMIversion: 7.0.3\r\nAsteriskVersion: 18.20.0\r\n"
                        + "SystemName: scripted\r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\n"
                        + "CoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                        + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\n\r\n");
                case "ping" -> write("Response: Success\r\n" + head + "Ping: Pong\r\nTimestamp: "
                        + System.currentTimeMillis() / 1000 + ".000000\r\n\r\n");
                case "originate" -> originate(action, head);
                case "redirect" -> agentLeg(action, head, false);
                case "hangup" -> agentLeg(action, head, true);
                case "extensionstate" -> extensionState(action, head);
                case "coreshowchannels" -> channels(head);
                case "logoff" -> {
                    write("Response: Goodbye\r\n" + head + "Message: Thanks for all the fish.\r\n\r\n");
                    close();
                }
                default -> write("Response: Error\r\n" + head + "Message: Invalid/unknown command\r\n\r\n");
            }
        }

        private void login(Map<String, String> action, String head) {
            boolean md5 = "md5".equalsIgnoreCase(action.get("authtype"));
            String expected = md5 && challenge != null ? md5(challenge + secret) : secret;
            String given = md5 ? action.get("key") : action.get("secret");
            if (user.equals(action.get("username")) && expected.equalsIgnoreCase(String.valueOf(given))) {
                loggedIn = true;
                logins.incrementAndGet();
                write("Response: Success\r\n" + head + "Message: Authentication accepted\r\n\r\n");
                write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 100\r\nLastReload: 100\r\nStatus: Fully Booted\r\n\r\n");
            } else {
                write("Response: Error\r\n" + head + "Message: Authentication failed\r\n\r\n");
                close();
            }
        }

        /** Redirect or Hangup of a channel: the scripted calls' agent legs are the channels there are. */
        private void agentLeg(Map<String, String> action, String head, boolean hangUp) {
            if (!loggedIn) {
                write("Response: Error\r\n" + head + "Message: Permission denied\r\n\r\n");
                return;
            }
            if (ScriptedAsterisk.agentLegAction(action.getOrDefault("channel", ""), hangUp)) {
                write("Response: Success\r\n" + head + "Message: " + (hangUp ? "Channel Hungup" : "Redirect successful") + "\r\n\r\n");
            } else {
                write("Response: Error\r\n" + head + "Message: No such channel\r\n\r\n");
            }
        }

        /**
         * CoreShowChannels as Asterisk 22 answers it: a response opening the list, one CoreShowChannel event per
         * channel (the manager's calls and the FastAGI callers still on the line), then the list's end.
         */
        private void channels(String head) {
            if (!loggedIn) {
                write("Response: Error\r\n" + head + "Message: Permission denied\r\n\r\n");
                return;
            }
            Map<String, String> channels = new java.util.TreeMap<>(up);
            ScriptedAsterisk.channelsUp().forEach(uid -> channels.putIfAbsent(uid, "PJSIP/trunk-" + uid.replace('.', '-')));
            StringBuilder list = new StringBuilder("Response: Success\r\n" + head + "EventList: start\r\nMessage: Channels will follow\r\n\r\n");
            channels.forEach((uid, channel) -> list.append("Event: CoreShowChannel\r\n").append(head).append("Channel: ").append(channel)
                    .append("\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nUniqueid: ").append(uid).append("\r\nLinkedid: ").append(uid)
                    .append("\r\nApplication: AGI\r\nDuration: 00:00:01\r\n\r\n"));
            list.append("Event: CoreShowChannelsComplete\r\n").append(head).append("EventList: Complete\r\nListItems: ")
                    .append(channels.size()).append("\r\n\r\n");
            write(list.toString());
        }

        private void extensionState(Map<String, String> action, String head) {
            String exten = action.getOrDefault("exten", "");
            int status = phones.getOrDefault(exten, -1);
            String text = switch (status) {
                case 0 -> "Idle";
                case 4 -> "Unavailable";
                default -> "Unknown";
            };
            write("Response: Success\r\n" + head + "Message: Extension Status\r\nExten: " + exten + "\r\nContext: "
                    + action.getOrDefault("context", "") + "\r\nHint: " + (status < 0 ? "" : "PJSIP/" + exten)
                    + "\r\nStatus: " + status + "\r\nStatusText: " + text + "\r\n\r\n");
        }

        /** Queues the call like Asterisk with Async: yes, then reports how it went as the outcome says. */
        private void originate(Map<String, String> action, String head) {
            if (!loggedIn) {
                write("Response: Error\r\n" + head + "Message: Permission denied\r\n\r\n");
                return;
            }
            write("Response: Success\r\n" + head + "Message: Originate successfully queued\r\n\r\n");
            if (isFolderCheck(action)) {
                // this Asterisk's dialplan has no utilitydesk-check: the call fails at once, and no UserEvent comes
                emit("OriginateResponse", head + "Response: Failure\r\nChannel: " + action.get("channel") + "\r\n"
                        + "Application: NoOp\r\nReason: 0\r\nUniqueid: <null>\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n");
                return;
            }
            Outcome outcome = nextOriginate;
            String uid = action.getOrDefault("channelid", ScriptedAsterisk.newUniqueId());
            // Asterisk names a Local channel without its options ("/n") and with a sequence number
            String channel = action.getOrDefault("channel", "Local/unknown").replaceFirst("/[a-z]+$", "")
                    + String.format("-%08x;1", LOCAL_CHANNELS.incrementAndGet());
            Thread progress = new Thread(() -> {
                pause(150);
                if (outcome == Outcome.NO_ANSWER || outcome == Outcome.BUSY) {
                    String reason = outcome == Outcome.BUSY ? "5" : "3";
                    emit("OriginateResponse", head + "Response: Failure\r\nChannel: " + action.get("channel") + "\r\n"
                            + "Context: " + action.get("context") + "\r\nExten: " + action.get("exten") + "\r\n"
                            + "Reason: " + reason + "\r\nUniqueid: <null>\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n");
                    return;
                }
                ManagerCall call = new ManagerCall(uid, channel);
                emit("Newchannel", call.channelHeaders(null, "0", "Down") + "Exten: s\r\nContext: " + action.get("context") + "\r\n");
                call.answered();
                emit("OriginateResponse", head + "Response: Success\r\nChannel: " + channel + "\r\nContext: "
                        + action.get("context") + "\r\nExten: " + action.get("exten") + "\r\nReason: 4\r\nUniqueid: " + uid
                        + "\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n");
                if (outcome == Outcome.ANSWERED) {
                    pause(300);
                    call.hangsUp(16, "Normal Clearing");
                }
            }, "scripted-ami-originate");
            progress.setDaemon(true);
            progress.start();
        }

        synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            loggedIn = false;
            sessions.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists captured actions for failure messages. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.get("action")));
        return "ScriptedManager" + names;
    }
}
