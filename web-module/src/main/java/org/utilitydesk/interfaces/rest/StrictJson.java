package org.utilitydesk.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.utilitydesk.interfaces.rest.JsonRefusal.Kind;
import org.utilitydesk.interfaces.rest.JsonRefusal.Problem;
import org.utilitydesk.interfaces.security.Causes;

/**
 * Reads a request body into the type its endpoint declares, and refuses (with {@link JsonRefusal}, naming the field)
 * whatever a lenient binding would quietly turn into something else: a field the type does not have, a value of
 * another kind (a number or {@code true} for text, an object for a list), a whole number with a fraction or beyond its
 * type's range, a day that is not in the calendar, an enum constant that does not exist, the same field twice, text
 * with control characters, anything after the JSON value, and bytes that are not UTF-8.
 * <p>
 * The types it binds are those requests are made of: records (by their components' names), {@code List}, {@code Map}
 * with text keys, {@code String}, whole numbers ({@code int}, {@code long} and their boxes), {@code boolean}, enums and
 * {@link LocalDate}. A record's primitive component must be present; any other may be absent or {@code null} and is
 * left to Bean Validation.
 */
public final class StrictJson {

    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int LONGEST_NAME_ECHOED = 40;

    private final JsonParser parser;

    private StrictJson(JsonParser parser) {
        this.parser = parser;
    }

    /** Whether {@code type} is made only of what this binding reads. */
    public static boolean binds(Type type) {
        return binds(type, new HashSet<>());
    }

    private static boolean binds(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return binds(args[0], seen);
            }
            return raw == Map.class && args[0] == String.class && binds(args[1], seen);
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c == String.class || c == LocalDate.class || c.isEnum() || range(c) != null
                || c == boolean.class || c == Boolean.class) {
            return true;
        }
        return c.isRecord() && Arrays.stream(c.getRecordComponents()).allMatch(r -> binds(r.getGenericType(), seen));
    }

    /**
     * The value of {@code type} the body holds: {@code null} for an empty body or {@code null}. The body is read as
     * UTF-8 (JSON's only encoding, RFC 8259), a byte that is not refused rather than replaced.
     */
    public static Object read(InputStream body, Type type) throws IOException {
        PushbackReader text = new PushbackReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        boolean complete = false;
        try {
            if (nothingBut(text)) {
                return null;
            }
        } catch (CharacterCodingException e) {
            throw new JsonRefusal("", Problem.ENCODING);
        }
        try (JsonParser parser = Json.createParser(text)) {
            Object value = new StrictJson(parser).value(type, parser.next(), "");
            complete = true;
            if (parser.hasNext()) {
                throw new JsonRefusal("", Problem.TRAILING);
            }
            return value;
        } catch (JsonParsingException e) {
            if (complete) {
                throw new JsonRefusal("", Problem.TRAILING);
            }
            JsonLocation at = e.getLocation();
            throw new JsonRefusal("", Problem.MALFORMED, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
        } catch (JsonException e) {
            // the parser wraps what the stream threw: bytes that are not UTF-8 are the sender's; a broken connection,
            // a body too slow or too large are told by those who threw them
            if (Causes.of(e).stream().anyMatch(CharacterCodingException.class::isInstance)) {
                throw new JsonRefusal("", Problem.ENCODING);
            }
            IOException io = (IOException) Causes.of(e).stream().filter(IOException.class::isInstance).findFirst().orElse(null);
            if (io != null) {
                throw io;
            }
            throw e;
        }
    }

    /** Whether the body holds nothing but JSON's white space; if not, its first character is left to read. */
    private static boolean nothingBut(PushbackReader text) throws IOException {
        for (int c = text.read(); c != -1; c = text.read()) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                text.unread(c);
                return false;
            }
        }
        return true;
    }

    private Object value(Type type, Event event, String at) {
        if (event == Event.VALUE_NULL) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                throw new JsonRefusal(at, Problem.EXPECTED, kind(type), Kind.NULL);
            }
            return null;
        }
        if (type instanceof ParameterizedType p) {
            return p.getRawType() == List.class ? list(p.getActualTypeArguments()[0], event, at)
                    : map(p.getActualTypeArguments()[1], event, at);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return text(event, at);
        }
        if (c == boolean.class || c == Boolean.class) {
            if (event != Event.VALUE_TRUE && event != Event.VALUE_FALSE) {
                throw wrongKind(type, event, at);
            }
            return event == Event.VALUE_TRUE;
        }
        long[] range = range(c);
        if (range != null) {
            long whole = whole(type, event, at, range);
            if (c == int.class || c == Integer.class) {
                return Integer.valueOf((int) whole);
            }
            return Long.valueOf(whole);
        }
        if (c.isEnum()) {
            return constant(c, event, at);
        }
        if (c == LocalDate.class) {
            return day(event, at);
        }
        return record(c, event, at);
    }

    private String text(Event event, String at) {
        if (event != Event.VALUE_STRING) {
            throw wrongKind(String.class, event, at);
        }
        String text = parser.getString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7F;
            boolean halfPair = Character.isHighSurrogate(ch)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(ch);
            if (control || halfPair) {
                throw new JsonRefusal(at, Problem.CONTROL_CHARACTER);
            }
        }
        return text;
    }

    /** A whole number as JSON writes it (no fraction, no exponent) within {@code range}. */
    private long whole(Type type, Event event, String at, long[] range) {
        if (event != Event.VALUE_NUMBER) {
            throw wrongKind(type, event, at);
        }
        String digits = parser.getString();
        if (!WHOLE.matcher(digits).matches()) {
            throw new JsonRefusal(at, Problem.NOT_WHOLE);
        }
        // the length first: a number of a million digits is refused without being converted
        if (digits.length() > 20 || new BigInteger(digits).compareTo(BigInteger.valueOf(range[0])) < 0
                || new BigInteger(digits).compareTo(BigInteger.valueOf(range[1])) > 0) {
            throw new JsonRefusal(at, Problem.OUT_OF_RANGE, range[0], range[1]);
        }
        return Long.parseLong(digits);
    }

    private Object constant(Class<?> type, Event event, String at) {
        if (event != Event.VALUE_STRING) {
            throw wrongKind(type, event, at);
        }
        String name = parser.getString();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new JsonRefusal(at, Problem.ONE_OF, Arrays.stream(type.getEnumConstants())
                .map(e -> ((Enum<?>) e).name()).collect(Collectors.joining(", ")));
    }

    private LocalDate day(Event event, String at) {
        if (event != Event.VALUE_STRING) {
            throw wrongKind(LocalDate.class, event, at);
        }
        String text = parser.getString();
        try {
            if (DAY.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeException e) {
            // 2026-02-30 looks like a day and is none; java.time parses ISO days strictly
        }
        throw new JsonRefusal(at, Problem.NO_SUCH_DAY);
    }

    private List<Object> list(Type item, Event event, String at) {
        if (event != Event.START_ARRAY) {
            throw new JsonRefusal(at, Problem.EXPECTED, Kind.LIST, found(event));
        }
        List<Object> items = new ArrayList<>();
        for (Event next = parser.next(); next != Event.END_ARRAY; next = parser.next()) {
            items.add(value(item, next, at + "[" + items.size() + "]"));
        }
        return items;
    }

    private Map<String, Object> map(Type value, Event event, String at) {
        if (event != Event.START_OBJECT) {
            throw new JsonRefusal(at, Problem.EXPECTED, Kind.OBJECT, found(event));
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
            String key = parser.getString();
            String path = field(at, key);
            if (entries.containsKey(key)) {
                throw new JsonRefusal(path, Problem.DUPLICATE);
            }
            entries.put(key, value(value, parser.next(), path));
        }
        return entries;
    }

    private Object record(Class<?> type, Event event, String at) {
        if (event != Event.START_OBJECT) {
            throw new JsonRefusal(at, Problem.EXPECTED, Kind.OBJECT, found(event));
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            index.put(components[i].getName(), i);
        }
        Object[] values = new Object[components.length];
        boolean[] present = new boolean[components.length];
        for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
            String key = parser.getString();
            Integer i = index.get(key);
            String path = field(at, key);
            if (i == null) {
                throw new JsonRefusal(path, Problem.UNKNOWN_FIELD,
                        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", ")));
            }
            if (present[i]) {
                throw new JsonRefusal(path, Problem.DUPLICATE);
            }
            present[i] = true;
            values[i] = value(components[i].getGenericType(), parser.next(), path);
        }
        for (int i = 0; i < components.length; i++) {
            if (!present[i] && components[i].getType().isPrimitive()) {
                throw new JsonRefusal(field(at, components[i].getName()), Problem.MISSING);
            }
        }
        return construct(type, components, values);
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            // a record that checks its own values refuses them as any invalid input is refused
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(type + " could not be made", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no canonical constructor to bind a request to", e);
        }
    }

    private static String field(String at, String key) {
        String name = key.length() > LONGEST_NAME_ECHOED ? key.substring(0, LONGEST_NAME_ECHOED) + "…" : key;
        name = name.codePoints().map(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return at.isEmpty() ? name : at + "." + name;
    }

    private JsonRefusal wrongKind(Type type, Event event, String at) {
        return new JsonRefusal(at, Problem.EXPECTED, kind(type), found(event));
    }

    /** The least and most a whole-number type holds; null for any other type. */
    private static long[] range(Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        if (c == long.class || c == Long.class) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        return null;
    }

    private static Kind kind(Type type) {
        if (type == String.class || type instanceof Class<?> c && c.isEnum()) {
            return Kind.TEXT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.TRUE_OR_FALSE;
        }
        if (type == LocalDate.class) {
            return Kind.DAY;
        }
        return type instanceof Class<?> c && range(c) != null ? Kind.WHOLE_NUMBER : Kind.OBJECT;
    }

    private static Kind found(Event event) {
        return switch (event) {
            case VALUE_STRING -> Kind.TEXT;
            case VALUE_NUMBER -> Kind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> Kind.TRUE_OR_FALSE;
            case START_ARRAY -> Kind.LIST;
            case VALUE_NULL -> Kind.NULL;
            default -> Kind.OBJECT;
        };
    }
}
