package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An agent at the desk, over the desk's API (password agent123): sign in, go ready, look at and act on the call. */
final class AgentDesk {

    static final String PASSWORD = "agent123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String username;

    AgentDesk(String username) {
        this.username = username;
    }

    String username() {
        return username;
    }

    /** Signs in (not ready, reason LOGIN) and goes ready. */
    AgentDesk ready() throws Exception {
        assertThat(send("POST", "api/agents/me/login", "").body()).contains("\"state\":\"NOT_READY\"", "\"reason\":\"LOGIN\"");
        assertThat(send("PUT", "api/agents/me/state", "{\"state\":\"READY\"}").body()).contains("\"state\":\"READY\"");
        return this;
    }

    /** Signs out, whatever the state (for clean-up). */
    void signOut() throws Exception {
        send("DELETE", "api/agents/me", "");
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(TestEnvironment.as(username, PASSWORD, TestEnvironment.app(path)).header("Accept-Language", "zh-CN")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HTTP.send(TestEnvironment.as(username, PASSWORD, TestEnvironment.app(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN").method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
