package org.utilitydesk.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stand-in for Asterisk that speaks the real FastAGI wire protocol to the application: it opens a
 * session with the agi_* environment a dialplan's AGI(agi://…/script) sends, then answers each command
 * as Asterisk would ("200 result=…"), remembering what the caller heard. It plays only the sound files that
 * exist in the repository's sounds folder, for the channel's language, as Asterisk looks them up
 * ({@link AsteriskSounds}); a call that met a missing one fails when it is closed. A caller can hang up at
 * any command, as Asterisk reports it: a HANGUP line, then the socket closes.
 */
final class ScriptedAsterisk {

    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() / 1000 * 1000);
    /** Agents' legs of the calls in conversation (or waiting on hold), by channel name: what AMI actions name. */
    private static final java.util.Map<String, AgentPhones> LEGS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The calls whose FastAGI session the test has not closed: the channels this Asterisk has up. */
    private static final java.util.Map<String, Call> CALLS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> UNHEARD = new ArrayList<>();

    private ScriptedAsterisk() {
    }

    static int agiPort() {
        return Integer.getInteger("it.agi.port", 24573);
    }

    /** A channel unique id as Asterisk makes them ("1700000000.42"), never the same twice. */
    static String newUniqueId() {
        long n = UNIQUE.incrementAndGet();
        return n / 1000 + "." + n % 1000;
    }

    /** {@code caller} dials the hotline and the dialplan runs AGI(agi://app/script), the channel's language zh. */
    static Call dial(String script, String caller) throws IOException {
        return dial(script, caller, newUniqueId());
    }

    /** As {@link #dial(String, String)}, on a channel the manager interface has already announced. */
    static Call dial(String script, String caller, String uid) throws IOException {
        return dialIn("zh", script, caller, uid);
    }

    /** As {@link #dial(String, String)} on a channel whose language (CHANNEL(language)) the dialplan set. */
    static Call dialIn(String language, String script, String caller, String uid) throws IOException {
        Call call = new Call(new Socket("127.0.0.1", agiPort()), uid);
        call.ear.language(language);
        call.send(request(script, caller, uid).replace("agi_language: zh\n", "agi_language: " + language + "\n"));
        return call;
    }

    /** Every prompt any caller did not hear since the last call of this (missing, or only in another language). */
    static List<String> unheardPrompts() {
        synchronized (UNHEARD) {
            List<String> all = List.copyOf(UNHEARD);
            UNHEARD.clear();
            return all;
        }
    }

    /** As {@link #dial(String, String)} from a peer that ends every line, its replies too, in CR LF. */
    static Call dialWithCrLf(String script, String caller) throws IOException {
        String uid = newUniqueId();
        Call call = new Call(new Socket("127.0.0.1", agiPort()), uid);
        call.lineEnd = "\r\n";
        call.send(request(script, caller, uid).replace("\n", "\r\n"));
        return call;
    }

    /** The agi_* environment Asterisk sends first, ended by a blank line. */
    private static String request(String script, String caller, String uid) {
        return AgiEnvironment.of(script, caller, uid, agiPort());
    }

    /**
     * The manager interface was asked to take an agent's leg out of its conversation: Redirect (the leg
     * lives on elsewhere, e.g. waiting on hold) or Hangup (it is gone). The caller's dial or bridge
     * returns, as in Asterisk. False if no such channel is up.
     */
    /** The unique ids of the callers' channels that are up (their FastAGI session still open). */
    static java.util.Set<String> channelsUp() {
        CALLS.values().removeIf(call -> call.socket.isClosed());
        return java.util.Set.copyOf(CALLS.keySet());
    }

    static boolean agentLegAction(String channel, boolean hangUp) {
        AgentPhones phones = LEGS.get(channel);
        return phones != null && phones.legLeaves(channel, hangUp);
    }

    /**
     * The {@code i}-th of four kinds of junk a stranger sends the FastAGI port: garbage ending in a blank line, a web
     * request, an environment with no call in it, silence (the last, {@code i % 4 == 3}, sends nothing).
     */
    static Call junk(int i) throws IOException {
        return raw(switch (i % 4) {
            case 0 -> "hello " + i + "\n\n";
            case 1 -> "GET / HTTP/1.1\nHost: x\n\n";
            case 2 -> "agi_network: yes\nagi_request: agi://127.0.0.1/ivr\nagi_channel: PJSIP/x-" + i + "\n\n";
            default -> "";
        });
    }

    /** Opens a connection and sends whatever bytes are given, as a broken or hostile peer would. */
    static Call raw(String bytes) throws IOException {
        Call call = new Call(new Socket("127.0.0.1", agiPort()), "raw");
        call.send(bytes);
        return call;
    }

    /** One call's FastAGI session, from Asterisk's side. */
    static final class Call implements AutoCloseable {
        private final Socket socket;
        private String lineEnd = "\n";
        private final BufferedReader in;
        private final OutputStream out;
        private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
        private final java.util.Deque<String> keypresses = new java.util.ArrayDeque<>();
        final String uniqueId;
        /** The agents' phones the application rings for this caller. */
        private final AgentPhones phones;
        private final java.util.Map<String, String> variables = new java.util.concurrent.ConcurrentHashMap<>();
        /** The files EXEC Record wrote on this call. */
        private final java.util.Set<String> recorded = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** What the caller hears of the sound files the application has played. */
        private final CallerEar ear = new CallerEar(UNHEARD);

        Call(Socket socket, String uniqueId) throws IOException {
            this.socket = socket;
            this.uniqueId = uniqueId;
            this.phones = new AgentPhones(uniqueId, LEGS);
            CALLS.put(uniqueId, this);
            socket.setSoTimeout(15_000);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /**
         * What the caller will key in, one entry per prompt that reads keys, in order ("" = says nothing
         * until the time-out). Keys are only delivered once a read (GET OPTION, GET DATA) has started, as on a real phone.
         */
        Call pressing(String... keys) {
            keypresses.addAll(List.of(keys));
            return this;
        }

        /**
         * Agents' phones the application dials for this caller pick up (after {@code missed} dials that ring
         * out unanswered); the manager interface reports each pick-up (DialEnd, ANSWER) and the conversation
         * lasts until {@link #endConversation()}.
         */
        Call agentsAnswerAfterMissing(int missed) {
            phones.answerAfterMissing(missed);
            return this;
        }

        /** The caller and the agent say goodbye (the agent hangs up their phone): the dial or bridge returns. */
        void endConversation() {
            phones.endConversation();
        }

        /** The agent leg the application's Bridge commands named, in order. */
        List<String> bridged() {
            return phones.bridged();
        }

        /** The agent's leg now (as DialEnd named it), null before an agent answered. */
        String agentLeg() {
            return phones.agentLeg();
        }

        /** A channel variable the dialplan set (Originate's variables, for an outbound call), as GET VARIABLE reads it. */
        Call withVariable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** What the caller heard run together: Chinese prompts as one sentence, English ones with a space between. */
        String heardText() {
            return ear.text();
        }

        /** The extensions the application dialled for this caller, in order. */
        List<String> dialled() {
            return phones.dialled();
        }

        /** Whether the application closed the session (within the 15 s read time-out) without sending anything. */
        boolean closedSilently() throws IOException {
            try {
                return socket.getInputStream().read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            }
        }

        /** The next command, left unanswered (as an Asterisk that hung would); null when the session ended. */
        String nextCommand() throws IOException {
            String command = readCommand();
            if (command != null) {
                command = plain(command);
                heard.add(command);
            }
            return command;
        }

        /** Answers every command until the application ends the session; returns the commands it sent. */
        List<String> toTheEnd() throws IOException {
            return until(command -> false);
        }

        /** Answers commands until one matches, then the caller hangs up; returns the commands so far. */
        List<String> hangUpAt(Predicate<String> moment) throws IOException {
            List<String> commands = until(moment);
            send("HANGUP\n");
            socket.close();
            return commands;
        }

        /** Answers commands until the application ends the session or one matches; at that one the caller hangs up. */
        List<String> toTheEndOrHangUpAt(Predicate<String> moment) throws IOException {
            List<String> commands = until(moment);
            if (!commands.isEmpty() && moment.test(commands.get(commands.size() - 1))) {
                send("HANGUP\n");
                socket.close();
            }
            return commands;
        }

        private List<String> until(Predicate<String> stop) throws IOException {
            String command;
            while ((command = readCommand()) != null) {
                command = plain(command);
                heard.add(command);
                if (stop.test(command)) {
                    return List.copyOf(heard);
                }
                send(replyTo(command) + lineEnd);
            }
            return List.copyOf(heard);
        }

        private String readCommand() throws IOException {
            try {
                return in.readLine();
            } catch (SocketTimeoutException e) {
                throw new IOException("the application sent nothing for 15 s after " + heard, e);
            } catch (IOException e) {
                return null;
            }
        }

        /** The command as a person reads it: asterisk-java quotes every argument and sends empty ones as "". */
        static String plain(String command) {
            return command.replace("\"\"", "").replace("\"", "").replaceAll("\\s+", " ").strip();
        }

        /**
         * What Asterisk answers (res/res_agi.c): a file that is not in the sounds folder makes STREAM FILE,
         * CONTROL STREAM FILE, GET OPTION and GET DATA answer -1 with nothing played (and no key read), and Playback
         * skip it; otherwise the next key to GET OPTION (its character code, 0 on silence), the next keys to GET DATA
         * up to a # (which GET DATA never returns), an 8-second message ended with # to EXEC Record (RECORD FILE is
         * refused: it cannot create folders), the recording's size to STAT, a
         * dial to an agent as the call's agents behave (unanswered unless told otherwise), channel state 6 (up),
         * 1 for HANGUP, -1 for the Hangup application, 0 (success) otherwise.
         */
        private String replyTo(String command) {
            String[] words = command.split(" ");
            if (command.startsWith("STREAM FILE ")) {
                long samples = ear.play(words[2]);
                return samples < 0 ? "200 result=-1 endpos=0" : "200 result=0 endpos=" + samples;
            }
            if (command.startsWith("CONTROL STREAM FILE ")) {
                return ear.play(words[3]) < 0 ? "200 result=-1 endpos=0" : "200 result=0 endpos=0";
            }
            if (command.startsWith("EXEC Playback ") || command.startsWith("EXEC Background ")) {
                for (String file : words[2].split(",")[0].split("&")) {
                    ear.play(file);
                }
                return "200 result=0";
            }
            if (command.startsWith("SET VARIABLE CHANNEL(language) ")) {
                ear.language(words[3]);
                return "200 result=1";
            }
            if (command.startsWith("GET DATA")) {
                if (ear.play(words[2]) < 0) {
                    return "200 result=-1";
                }
                String keys = keypresses.poll();
                if (keys == null || keys.isEmpty()) {
                    return "200 result= (timeout)";
                }
                // # ends the input and is not part of it; keys after it are not read
                int hash = keys.indexOf('#');
                return "200 result=" + (hash < 0 ? keys : keys.substring(0, hash));
            }
            if (command.startsWith("GET OPTION")) {
                long samples = ear.play(words[2]);
                if (samples < 0) {
                    return "200 result=-1 endpos=0";
                }
                // one key: the first pressed, if it is one of the escape digits (a key past the prompt that is not is 0)
                String keys = keypresses.poll();
                char key = keys == null || keys.isEmpty() ? 0 : keys.charAt(0);
                return "200 result=" + (key != 0 && words[3].indexOf(key) >= 0 ? (int) key : 0) + " endpos=" + samples;
            }
            if (command.startsWith("RECORD FILE")) {
                throw new AssertionError("RECORD FILE does not create the recording's folder on a real Asterisk: " + command);
            }
            if (command.startsWith("EXEC Record ")) {
                // the caller talks 8 s and presses #: Record writes 8 kHz 16-bit WAV, creating the folders
                recorded.add(words[2].split(",")[0]);
                variables.put("RECORD_STATUS", "DTMF");
                return "200 result=0";
            }
            if (command.startsWith("GET FULL VARIABLE ${STAT(s,")) {
                String file = command.substring("GET FULL VARIABLE ${STAT(s,".length(), command.length() - 2);
                return "200 result=1 (" + (recorded.contains(file) ? 44 + 8 * 16_000 : 0) + ")";
            }
            if (command.startsWith("GET FULL VARIABLE ${")) {
                String value = variables.get(command.substring("GET FULL VARIABLE ${".length(), command.length() - 1));
                return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
            }
            if (command.startsWith("EXEC Dial ")) {
                return phones.dial(command.substring("EXEC Dial ".length()));
            }
            if (command.startsWith("EXEC Bridge ")) {
                return phones.bridge(command.substring("EXEC Bridge ".length()).strip());
            }
            if (command.startsWith("GET VARIABLE DIALSTATUS")) {
                return "200 result=1 (" + phones.dialStatus() + ")";
            }
            if (command.startsWith("GET VARIABLE BRIDGERESULT")) {
                return "200 result=1 (" + phones.bridgeResult() + ")";
            }
            if (command.startsWith("GET VARIABLE ")) {
                String value = variables.get(command.substring("GET VARIABLE ".length()).strip());
                return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
            }
            if (command.startsWith("CHANNEL STATUS")) {
                return "200 result=6";
            }
            if (command.startsWith("HANGUP")) {
                return "200 result=1";
            }
            if (command.startsWith("EXEC Hangup")) {
                // the Hangup application ends the channel and answers -1, as every application on a hung-up channel
                return "200 result=-1";
            }
            return "200 result=0";
        }

        /** True once the application has closed the session (read returns end of stream). */
        boolean closedByApplication() throws IOException {
            try {
                return in.readLine() == null;
            } catch (IOException e) {
                return true;
            }
        }

        /** Hangs up; a call that met a prompt Asterisk could not play fails the test here. */
        @Override
        public void close() throws IOException {
            socket.close();
            if (!ear.unheard().isEmpty()) {
                throw new AssertionError("call " + uniqueId + " had silence where prompts should play: " + ear.unheard());
            }
        }
    }
}
