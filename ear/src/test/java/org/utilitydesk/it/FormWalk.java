package org.utilitydesk.it;

import static org.utilitydesk.it.WalkFindings.abbreviated;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page's forms posted as PrimeFaces posts them, with hostile values: every button pressed with every field
 * holding each value (an Ajax request, or a plain post for non-Ajax buttons; multipart with {@code ../} in the file
 * name where the form uploads), files over the size limit, and every table's paging and sorting parameters set to
 * nonsense. The page is fetched again before each post, for a fresh view state and nonce.
 */
final class FormWalk {

    private static final List<String> TABLE_VALUES = List.of("-1", "abc", "99999999999999999999", "");

    private final WalkFindings findings;
    private final HttpClient as;
    private final String page;

    FormWalk(WalkFindings findings, HttpClient as, String page) {
        this.findings = findings;
        this.as = as;
        this.page = page;
    }

    /** Walks the page's forms; returns how many it has. */
    int walk(List<String> values) throws Exception {
        List<FacesForms.Form> forms = FacesForms.of(html());
        for (FacesForms.Form form : forms) {
            for (FacesForms.Button button : form.buttons()) {
                for (String value : values) {
                    press(form, button, value);
                }
            }
            if (form.multipart() && !form.files().isEmpty() && !form.buttons().isEmpty()) {
                for (int megabytes : new int[] {11, 20}) {
                    uploadTooLarge(form, megabytes);
                }
            }
            for (String table : form.tables()) {
                for (String value : TABLE_VALUES) {
                    page(form, table, value);
                }
            }
        }
        return forms.size();
    }

    private void press(FacesForms.Form walked, FacesForms.Button button, String value) throws Exception {
        String fresh = html();
        FacesForms.Form form = current(fresh, walked);
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, original) -> fields.put(name, form.fillable().contains(name) ? value : original));
        fields.put("primefaces.nonce", nonce(fresh));
        if (button.ajax()) {
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", button.id());
            fields.put("jakarta.faces.partial.execute", button.process() == null ? form.id() : button.process());
            fields.put("jakarta.faces.partial.render", button.update() == null ? "@none" : button.update());
        }
        fields.put(button.id(), button.id());
        String what = "POST " + page + " form " + form.id() + " button " + button.id() + " with " + abbreviated(value);
        if (!form.multipart()) {
            post(what, fields, button.ajax());
            return;
        }
        Multipart body = new Multipart(fields);
        for (String file : form.files()) {
            body.file(file, "../../../etc/passwd.jpg", "GIF89a not a photo".getBytes(StandardCharsets.UTF_8));
        }
        String answer = findings.check(what + " (multipart, ../ in the file name)", body.request(page, button.ajax()), as);
        if (answer != null && !answer.contains("文件未上传：文件名不能包含目录")) {
            findings.problem(what + ": the page does not say why the file was not taken: " + abbreviated(answer));
        }
    }

    /**
     * A photo or attachment over the 10 MB the application takes (11 MB: read, and refused; 20 MB: over what the
     * container reads at all): the page must say it was too large, not store it cut off.
     */
    private void uploadTooLarge(FacesForms.Form walked, int megabytes) throws Exception {
        String fresh = html();
        FacesForms.Form form = current(fresh, walked);
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("primefaces.nonce", nonce(fresh));
        String button = form.buttons().get(0).id();
        fields.put(button, button);
        byte[] photo = new byte[megabytes * 1024 * 1024];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        String what = "POST " + page + " form " + form.id() + " with a " + megabytes + " MB file";
        String answer = findings.check(what, new Multipart(fields).file(form.files().get(0), "big.jpg", photo).request(page, false), as);
        if (answer != null && !answer.contains("文件未上传：文件超过允许的 10 MB") && !answer.contains("照片超过10MB")
                && !answer.contains("文件超过10MB")) {
            findings.problem(what + ": the page does not say the file was too large; its messages: "
                    + Pattern.compile("ui-messages-\\w+-summary\">([^<]*)<").matcher(answer).results().map(m -> m.group(1)).toList()
                    + " " + abbreviated(answer));
        }
    }

    /** A table asked, the way its paginator and sorter ask, for rows and an order it never offers. */
    private void page(FacesForms.Form form, String table, String value) throws Exception {
        String fresh = html();
        Map<String, String> fields = new LinkedHashMap<>(FacesForms.hidden(fresh, form.id()));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", table);
        fields.put("jakarta.faces.partial.execute", table);
        fields.put("jakarta.faces.partial.render", table);
        fields.put(table + "_pagination", "true");
        fields.put(table + "_first", value);
        fields.put(table + "_rows", value);
        fields.put(table + "_skipChildren", "true");
        fields.put(table + "_encodeFeature", "true");
        fields.put(table + "_sorting", "true");
        fields.put(table + "_sortKey", value.isEmpty() ? "x" : value);
        fields.put(table + "_sortDir", value);
        fields.put("primefaces.nonce", nonce(fresh));
        post("POST " + page + " table " + table + " = " + abbreviated(value), fields, true);
    }

    private void post(String what, Map<String, String> fields, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestEnvironment.formBody(fields)));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        findings.check(what, request.build(), as);
    }

    private String html() throws Exception {
        return as.send(HttpRequest.newBuilder(TestEnvironment.app(page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The form as the page shows it now (its fields can change after a post), or as first seen if it is gone. */
    private static FacesForms.Form current(String html, FacesForms.Form walked) {
        return FacesForms.of(html).stream().filter(f -> f.id().equals(walked.id())).findFirst().orElse(walked);
    }

    /** The page's CSP nonce; empty on a page without PrimeFaces (the post is then refused, which is fine too). */
    private static String nonce(String html) {
        Matcher m = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** A multipart/form-data body as a browser sends it. */
    private static final class Multipart {
        private final String boundary = "----walk" + System.nanoTime();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart(Map<String, String> fields) {
            fields.forEach((name, value) -> write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n" + value + "\r\n"));
        }

        Multipart file(String field, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        HttpRequest request(String page, boolean ajax) {
            write("--" + boundary + "--\r\n");
            HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (ajax) {
                request.header("Faces-Request", "partial/ajax");
            }
            return request.build();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
