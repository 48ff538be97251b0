package org.utilitydesk.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.utilitydesk.domain.service.IvrCommandTimes.Bucket;
import org.utilitydesk.domain.service.IvrCommandTimes.Histogram;

/** The application's own command times, read over its REST API; a reading that fails is reported, not fatal. */
final class AppTimes {
    private static final Pattern BUCKET = Pattern.compile("\\[(\\d+),(\\d+),(\\d+)]");
    private final URI uri;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    String problem;

    AppTimes(URI uri, String login) {
        this.uri = uri;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    Histogram read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                problem = uri + " answered HTTP " + response.statusCode();
                return null;
            }
            List<Bucket> buckets = new ArrayList<>();
            long commands = 0;
            Matcher m = BUCKET.matcher(response.body());
            while (m.find()) {
                long count = Long.parseLong(m.group(3));
                buckets.add(new Bucket(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), count));
                commands += count;
            }
            return new Histogram(commands, buckets);
        } catch (IOException | RuntimeException e) {
            problem = uri + ": " + e;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
            return null;
        }
    }
}
