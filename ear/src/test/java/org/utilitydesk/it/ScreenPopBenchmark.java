package org.utilitydesk.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Screen-pop latency in a real browser against a running instance: an agent's desk is open in headless
 * Chromium and ready; scripted callers ask for an agent one after another; for each, the page notes when
 * the call's panel appeared, beside when routing offered the call (same machine, same clock). Prints
 * p50/p95/max of offer → rendered panel. The agent wraps each call up over the API to be ready again.
 *
 * <pre>java -Dit.http.port=8080 -Dit.agi.port=4573 -Dit.db.url=… ScreenPopBenchmark [calls 50] [agent agent20]</pre>
 */
public final class ScreenPopBenchmark {

    private ScreenPopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String agent = args.length > 1 ? args[1] : "agent20";
        TestEnvironment.proficiency(agent, "BILLING", 10);
        HttpClient http = HttpClient.newHttpClient();
        WebDriver browser = DeskBrowserIT.Browsers.open();
        try {
            DeskBrowserIT.Browsers.signIn(browser, agent, "agent123", "desk/agent.xhtml");
            waitFor(() -> !browser.findElements(By.id("desk:ready")).isEmpty(), 20_000);
            browser.findElement(By.id("desk:ready")).click();
            waitFor(() -> String.valueOf(((JavascriptExecutor) browser).executeScript(
                    "var e = document.getElementById('agent-state'); return e ? e.className : '';")).contains("state-READY"), 10_000);
            for (int i = 0; i < calls; i++) {
                ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "1390000" + String.format("%04d", i)).pressing("0")
                        .agentsAnswerAfterMissing(0);
                CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> {
                    try (call) {
                        return call.toTheEnd();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                int shown = i + 1;
                waitFor(() -> pops(browser).size() >= shown, 15_000);
                call.endConversation();
                heard.get(30, TimeUnit.SECONDS);
                String callId = String.valueOf(pops(browser).get(i).get("call"));
                HttpResponse<String> wrapped = http.send(TestEnvironment.as(agent, "agent123", TestEnvironment.app("api/agents/me/wrap-up"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"callId\":" + callId + ",\"disposition\":\"INFO_GIVEN\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (wrapped.statusCode() != 200) {
                    throw new IllegalStateException("wrap-up refused: " + wrapped.body());
                }
            }
            long[] latencies = pops(browser).stream()
                    .mapToLong(p -> ((Number) p.get("shownAt")).longValue() - ((Number) p.get("offeredAt")).longValue()).toArray();
            Arrays.sort(latencies);
            System.out.printf("screen-pop, routing decision to rendered panel in Chromium (%d calls): p50 %d ms, p95 %d ms, max %d ms%n",
                    latencies.length, at(latencies, 0.50), at(latencies, 0.95), latencies[latencies.length - 1]);
        } finally {
            browser.quit();
            http.send(TestEnvironment.as(agent, "agent123", TestEnvironment.app("api/agents/me")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pops(WebDriver browser) {
        Object pops = ((JavascriptExecutor) browser).executeScript("return window.udPops || [];");
        return pops == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) pops);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    /** False also while the page is being re-rendered under the condition's feet. */
    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!holds(condition)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("timed out after " + Duration.ofMillis(millis));
            }
            Thread.sleep(20);
        }
    }
}
