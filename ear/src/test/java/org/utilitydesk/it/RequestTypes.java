package org.utilitydesk.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request types of the API as the source declares them (records and enums of the web and EJB modules), read from
 * the checkout as {@link ApiEndpoints} reads the methods: what a type named in a method's signature is made of, so a
 * test can write bodies that are wrong in each of its fields.
 */
final class RequestTypes {

    /** What a JSON value must be for a type: its {@code kind}, and for a list or map the item's shape, for a record its fields. */
    record Shape(Kind kind, Shape item, Map<String, Shape> fields) {
        static Shape of(Kind kind) {
            return new Shape(kind, null, Map.of());
        }
    }

    enum Kind { TEXT, INT, LONG, BOOLEAN, PRIMITIVE_BOOLEAN, DAY, ENUM, LIST, MAP, RECORD, STREAM }

    private static final Pattern RECORD = Pattern.compile("record\\s+(\\w+)\\s*\\(");
    private static final Pattern ENUM = Pattern.compile("enum\\s+(\\w+)\\s*\\{");

    private final Map<String, String> records = new LinkedHashMap<>();
    private final List<String> enums = new ArrayList<>();
    private final List<String> ambiguous = new ArrayList<>();

    RequestTypes(Path root) throws IOException {
        for (String module : List.of("web-module", "ejb-module")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher r = RECORD.matcher(source);
                    while (r.find()) {
                        if (records.put(r.group(1), header(source, r.end())) != null) {
                            ambiguous.add(r.group(1));
                        }
                    }
                    Matcher e = ENUM.matcher(source);
                    while (e.find()) {
                        enums.add(e.group(1));
                    }
                }
            }
        }
    }

    /** The shape of a type as a signature writes it: {@code List<NewWorkOrder>}, {@code KnowledgeResource.Vote}, {@code int}. */
    Shape shape(String type) {
        String t = type.strip();
        if (t.startsWith("List<")) {
            return new Shape(Kind.LIST, shape(t.substring(5, t.length() - 1)), Map.of());
        }
        if (t.startsWith("Map<")) {
            return new Shape(Kind.MAP, shape(t.substring(t.indexOf(',') + 1, t.length() - 1)), Map.of());
        }
        String simple = t.substring(t.lastIndexOf('.') + 1);
        switch (simple) {
            case "String":
                return Shape.of(Kind.TEXT);
            case "int", "Integer":
                return Shape.of(Kind.INT);
            case "long", "Long":
                return Shape.of(Kind.LONG);
            case "boolean":
                return Shape.of(Kind.PRIMITIVE_BOOLEAN);
            case "Boolean":
                return Shape.of(Kind.BOOLEAN);
            case "LocalDate":
                return Shape.of(Kind.DAY);
            case "InputStream":
                return Shape.of(Kind.STREAM);
            default:
                break;
        }
        if (enums.contains(simple)) {
            return Shape.of(Kind.ENUM);
        }
        String header = records.get(simple);
        if (ambiguous.contains(simple)) {
            throw new IllegalArgumentException("more than one record " + simple + " in the source");
        }
        if (header == null) {
            throw new IllegalArgumentException("no record or enum " + type + " in the source");
        }
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (String component : components(header)) {
            String bare = component.replaceAll("@[\\w.]+(\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?", "")
                    .replaceAll("\\s+", " ").strip();
            int space = bare.lastIndexOf(' ');
            fields.put(bare.substring(space + 1), shape(bare.substring(0, space).replace("< ", "<").replace(" >", ">")));
        }
        return new Shape(Kind.RECORD, null, fields);
    }

    /** The text between a record's parentheses, the first of which is just before {@code from}. */
    private static String header(String source, int from) {
        return source.substring(from, ApiEndpoints.closing(source, from - 1));
    }

    /** The header split at the commas that separate components (not those inside annotations or type arguments). */
    private static List<String> components(String header) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '<')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '>')) {
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
