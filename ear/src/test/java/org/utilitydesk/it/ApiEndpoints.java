package org.utilitydesk.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every method of the REST API as its source declares it (the resource classes of the web module, read from the
 * checkout: the server's OpenAPI document lists no paths): HTTP method, path template, query parameters, and whether
 * it reads a body, and into which type. A resource method added later is walked without anyone listing it here.
 */
final class ApiEndpoints {

    /** {@code bodyType}: the Java type the body is read into as the source writes it ({@code List<NewWorkOrder>}), or null. */
    record Endpoint(String method, String path, List<String> pathParams, List<String> queryParams, boolean body,
                    String consumes, String bodyType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern VERB = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH)\\b");
    private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)(?:\\s*:[^{}]*(?:\\{[^}]*\\}[^{}]*)*)?\\}");
    private static final Pattern QUERY = Pattern.compile("@QueryParam\\(\"([^\"]+)\"\\)");
    private static final Pattern CONSUMES = Pattern.compile("@Consumes\\(([^)]*)\\)");

    private ApiEndpoints() {
    }

    static List<Endpoint> declared(Path root) throws IOException {
        Path rest = root.resolve("web-module/src/main/java/org/utilitydesk/interfaces/rest");
        List<Endpoint> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(rest)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).sorted().toList()) {
                all.addAll(of(Files.readString(file)));
            }
        }
        return all;
    }

    /**
     * The endpoint's path with its parameters filled in: {@code param} with {@code value}, every other with 1 (a
     * parameter with a pattern, {@code {id: \\d{1,18}}}, included).
     */
    static String filled(Endpoint e, String param, String value) {
        Matcher m = PATH_PARAM.matcher(e.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(m.group(1).equals(param) ? value : "1"));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The methods of one resource class: each starts at an HTTP verb and runs to its body's opening brace. */
    static List<Endpoint> of(String source) {
        Matcher classPath = CLASS_PATH.matcher(source);
        if (!classPath.find()) {
            return List.of();
        }
        String base = classPath.group(1);
        String classConsumes = consumesBefore(source.substring(0, source.indexOf("class ")));
        List<Endpoint> endpoints = new ArrayList<>();
        Matcher verb = VERB.matcher(source);
        while (verb.find()) {
            int end = source.indexOf('{', closing(source, source.indexOf('(', source.indexOf("public ", verb.end()))));
            String declaration = annotationsAbove(source, verb.start()) + source.substring(verb.start(), end);
            Matcher sub = METHOD_PATH.matcher(declaration);
            String path = base + (sub.find() ? "/" + sub.group(1).replace("\\\\", "\\") : "");
            List<String> pathParams = new ArrayList<>();
            Matcher p = PATH_PARAM.matcher(path);
            while (p.find()) {
                pathParams.add(p.group(1));
            }
            List<String> query = new ArrayList<>();
            Matcher q = QUERY.matcher(declaration);
            while (q.find()) {
                query.add(q.group(1));
            }
            String signature = declaration.substring(declaration.indexOf('(', declaration.indexOf("public ")) + 1);
            String bodyType = bodyType(signature);
            String consumes = consumesBefore(declaration);
            endpoints.add(new Endpoint(verb.group(1), path, pathParams, query, bodyType != null,
                    consumes.isEmpty() ? classConsumes : consumes, bodyType));
        }
        return endpoints;
    }

    /**
     * Where the parenthesis opening at {@code open} closes (a method's parameters, a record's components); a brace or
     * parenthesis inside a string (a constraint's message) is not counted.
     */
    static int closing(String source, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed parameter list at " + open);
    }

    /** The annotation lines directly above the verb's line (a method's @Path may come first). */
    private static String annotationsAbove(String source, int verbAt) {
        int lineStart = source.lastIndexOf('\n', verbAt) + 1;
        StringBuilder above = new StringBuilder();
        int at = lineStart;
        while (at > 0) {
            int previous = source.lastIndexOf('\n', at - 2) + 1;
            String line = source.substring(previous, at).strip();
            if (!line.startsWith("@")) {
                break;
            }
            above.insert(0, line + "\n");
            at = previous;
        }
        return above.toString() + source.substring(lineStart, verbAt);
    }

    /**
     * A parameter with no JAX-RS annotation (only validation ones) is the entity the body is read into: its type, with
     * the validation annotations inside it taken out ({@code List<NewWorkOrder>}); null if there is none.
     */
    private static String bodyType(String signature) {
        int depth = 0;
        StringBuilder parameter = new StringBuilder();
        for (char c : signature.toCharArray()) {
            if ((c == ',' && depth == 0) || (c == ')' && depth == 0)) {
                String text = parameter.toString().replaceAll("@(NotNull|Valid|Size|Min|Max|Pattern|NotBlank)(\\([^)]*\\))?", "")
                        .replaceAll("\\s+", " ").strip();
                if (!text.isEmpty() && !text.startsWith("@")) {
                    return text.substring(0, text.lastIndexOf(' ')).replace("< ", "<").replace(" >", ">");
                }
                parameter.setLength(0);
                if (c == ')') {
                    return null;
                }
                continue;
            }
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            parameter.append(c);
        }
        return null;
    }

    private static String consumesBefore(String text) {
        Matcher c = CONSUMES.matcher(text);
        String last = "";
        while (c.find()) {
            last = c.group(1);
        }
        if (last.contains("OCTET") || last.contains("octet") || last.contains("image") || last.contains("WILDCARD")) {
            return "application/octet-stream";
        }
        return last.isEmpty() ? "" : "application/json";
    }
}
