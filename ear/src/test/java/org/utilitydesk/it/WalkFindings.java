package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong during a walk of hostile requests: answers that were a 5xx, a Faces error or a stack trace, other
 * problems the walk noticed, and the stack traces the server logged meanwhile (a refused request is one line there).
 */
final class WalkFindings {

    private final ServerLog log;
    private final List<String> problems = new ArrayList<>();
    private int requests;

    WalkFindings(Path serverLog) throws IOException {
        this.log = ServerLog.from(serverLog);
    }

    /** Sends the request and notes a 5xx, a Faces error or a stack trace; returns the answer, null if there was none. */
    String check(String what, HttpRequest request, HttpClient client) {
        requests++;
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500) {
                problem(what + " -> " + answer.statusCode() + " " + abbreviated(answer.body()));
            } else if (answer.body().contains("<error>") || answer.body().contains("<error-name>")) {
                problem(what + " -> " + answer.statusCode() + " a Faces error: " + abbreviated(answer.body()));
            } else if (answer.body().contains("Exception") || answer.body().matches("(?s).*\\bat (org|java|jakarta|com)\\.[\\w.$]+\\(.*")) {
                problem(what + " -> " + answer.statusCode() + " shows a stack trace: " + abbreviated(answer.body()));
            }
            return answer.body();
        } catch (IOException | InterruptedException e) {
            problem(what + " -> no answer: " + e);
            return null;
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** Prints what was walked; fails with every answer that went wrong and every stack trace the server logged. */
    void nothingWentWrong(String walked) throws IOException {
        System.out.printf("bad-request walk: %s, %d requests%n", walked, requests);
        problems.addAll(stackTracesLogged());
        assertThat(problems).as("answers that were 5xx or showed a Faces error or a stack trace, and stack traces in the log")
                .isEmpty();
    }

    static String abbreviated(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + ")";
    }

    private List<String> stackTracesLogged() throws IOException {
        return log.withStackTraces().stream().map(r -> "log: " + abbreviated(r)).toList();
    }
}
