package org.utilitydesk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server's log as records ({@code [2026-12-07T…] [Payara …] … [[ message ]]}), read from a point on: a test notes
 * where the log ends before it acts, and afterwards reads what was written meanwhile.
 */
final class ServerLog {

    private final Path file;
    private final long start;

    private ServerLog(Path file) throws IOException {
        this.file = file;
        this.start = Files.size(file);
    }

    /** The log from here on; {@code file} as the test sees it (a client test is given the domain's folder). */
    static ServerLog from(Path file) throws IOException {
        return new ServerLog(file);
    }

    /** The log from here on, for a test that runs as a client of the test domain. */
    static ServerLog ofTestDomain() throws IOException {
        return new ServerLog(Path.of(System.getProperty("it.domain.dir", "../.runtime/payara6/glassfish/domains/utilitydesk-test"),
                "logs", "server.log"));
    }

    /** The log from here on, for a test that runs inside the server. */
    static ServerLog ofThisServer() throws IOException {
        return new ServerLog(Path.of(System.getProperty("com.sun.aas.instanceRoot"), "logs", "server.log"));
    }

    /** The records written since, whole (a record's stack trace is part of it). */
    List<String> records() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int from = (int) Math.min(start, all.length);
        return Arrays.stream(new String(all, from, all.length - from, StandardCharsets.UTF_8).split("(?m)^(?=\\[20\\d\\d-)"))
                .filter(r -> !r.isBlank()).toList();
    }

    /** The records written since that carry a stack trace. */
    List<String> withStackTraces() throws IOException {
        return records().stream().filter(r -> r.matches("(?s).*\\n\\s+at [\\w.$/]+\\(.*")).toList();
    }
}
