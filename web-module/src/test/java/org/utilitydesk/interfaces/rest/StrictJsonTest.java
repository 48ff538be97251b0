package org.utilitydesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.utilitydesk.interfaces.facade.ArticleActionRequest;
import org.utilitydesk.interfaces.facade.NewWorkOrder;
import org.utilitydesk.interfaces.rest.JsonRefusal.Problem;

class StrictJsonTest {

    record Sample(String text, Integer count, long big, boolean flag, LocalDate day, List<String> tags) {
    }

    private static final Type ORDERS = new Object() {
        @SuppressWarnings("unused")
        List<NewWorkOrder> orders;
    }.getClass().getDeclaredFields()[0].getGenericType();

    @Test
    void bindsWhatTheTypeSays() throws IOException {
        Sample s = (Sample) read("{\"text\":\"停电 ⚡\\n\",\"count\":-7,\"big\":9223372036854775807,\"flag\":true,"
                + "\"day\":\"2024-02-29\",\"tags\":[\"a\",\"b\"]}", Sample.class);
        assertThat(s).isEqualTo(new Sample("停电 ⚡\n", -7, Long.MAX_VALUE, true, LocalDate.of(2024, 2, 29), List.of("a", "b")));
        Sample nulls = (Sample) read(" {\"big\":0,\"flag\":false,\"text\":null} \n", Sample.class);
        assertThat(nulls.text()).isNull();
        assertThat(read("", Sample.class)).isNull();
        assertThat(read("null", Sample.class)).isNull();
        ArticleActionRequest action = (ArticleActionRequest) read("{\"action\":\"APPROVE\",\"versionNo\":4}", ArticleActionRequest.class);
        assertThat(action.versionNo()).isEqualTo(4);
    }

    @Test
    void refusesEachWayALenientBindingGuesses() {
        refused("{\"versionNo\":4294967297,\"action\":\"APPROVE\"}", ArticleActionRequest.class, "versionNo", Problem.OUT_OF_RANGE);
        refused("{\"versionNo\":1.5}", ArticleActionRequest.class, "versionNo", Problem.NOT_WHOLE);
        refused("{\"versionNo\":1e2}", ArticleActionRequest.class, "versionNo", Problem.NOT_WHOLE);
        refused("{\"versionNo\":1" + "0".repeat(100_000) + "}", ArticleActionRequest.class, "versionNo", Problem.OUT_OF_RANGE);
        refused("{\"versionNo\":\"4\"}", ArticleActionRequest.class, "versionNo", Problem.EXPECTED);
        refused("{\"action\":\"APPROVE\"}", ArticleActionRequest.class, "versionNo", Problem.MISSING);
        refused("{\"action\":\"approve\",\"versionNo\":1}", ArticleActionRequest.class, "action", Problem.ONE_OF);
        refused("{\"subject\":true}", NewWorkOrder.class, "subject", Problem.EXPECTED);
        refused("{\"subject\":7}", NewWorkOrder.class, "subject", Problem.EXPECTED);
        refused("{\"subject\":[\"a\"]}", NewWorkOrder.class, "subject", Problem.EXPECTED);
        refused("{\"subjekt\":\"a\"}", NewWorkOrder.class, "subjekt", Problem.UNKNOWN_FIELD);
        refused("{\"subject\":\"a\",\"subject\":\"b\"}", NewWorkOrder.class, "subject", Problem.DUPLICATE);
        refused("{\"subject\":\"a\\u0000b\"}", NewWorkOrder.class, "subject", Problem.CONTROL_CHARACTER);
        refused("{\"subject\":\"\\ud83d\"}", NewWorkOrder.class, "subject", Problem.CONTROL_CHARACTER);
        refused("[{\"subject\":\"a\"},{\"subject\":\"b\"}]", NewWorkOrder.class, "", Problem.EXPECTED);
        refused("{\"subject\":\"a\"}", ORDERS, "", Problem.EXPECTED);
        refused("[{\"subject\":\"a\"},{\"type\":3}]", ORDERS, "[1].type", Problem.EXPECTED);
        refused("{\"subject\":\"a\"} trailing", NewWorkOrder.class, "", Problem.TRAILING);
        refused("{\"subject\":\"a\"}{}", NewWorkOrder.class, "", Problem.TRAILING);
        refused("{\"subject\":", NewWorkOrder.class, "", Problem.MALFORMED);
        refused("{\"day\":\"2026-02-30\",\"big\":0,\"flag\":true}", Sample.class, "day", Problem.NO_SUCH_DAY);
        refused("{\"day\":\"2026-2-3\",\"big\":0,\"flag\":true}", Sample.class, "day", Problem.NO_SUCH_DAY);
        refused("{\"flag\":\"true\",\"big\":0}", Sample.class, "flag", Problem.EXPECTED);
        refused("{\"flag\":null,\"big\":0}", Sample.class, "flag", Problem.EXPECTED);
        refused("{\"tags\":[\"a\",{}],\"big\":0,\"flag\":true}", Sample.class, "tags[1]", Problem.EXPECTED);
        refused("{\"tags\":\"a\",\"big\":0,\"flag\":true}", Sample.class, "tags", Problem.EXPECTED);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] body = {'{', '"', 's', 'u', 'b', 'j', 'e', 'c', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> StrictJson.read(new ByteArrayInputStream(body), NewWorkOrder.class))
                .isInstanceOfSatisfying(JsonRefusal.class, r -> assertThat(r.problem()).isEqualTo(Problem.ENCODING));
    }

    @Test
    void aFailingStreamIsNotTheSendersFault() {
        byte[] start = "{\"subject\":\"停电".getBytes(StandardCharsets.UTF_8);
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent < start.length) {
                    return start[sent++] & 0xFF;
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> StrictJson.read(broken, NewWorkOrder.class)).isInstanceOf(IOException.class)
                .isNotInstanceOf(JsonRefusal.class).hasMessage("connection reset");
    }

    @Test
    void theMessageNamesTheFieldInBothLanguages() {
        JsonRefusal refusal = refusal("{\"score\":4294967300}", SurveyResource.AnswerRequest.class);
        String zh = ApiError.of(List.of(Locale.SIMPLIFIED_CHINESE), refusal).message();
        String en = ApiError.of(List.of(Locale.ENGLISH), refusal).message();
        assertThat(zh).isEqualTo("请求内容不正确：字段 score：超出允许范围（-2147483648 至 2147483647）");
        assertThat(en).isEqualTo("The request is not valid: Field score: is out of range (-2147483648 to 2147483647)");
        JsonRefusal kind = refusal("{\"subject\":{}}", NewWorkOrder.class);
        assertThat(ApiError.of(List.of(Locale.SIMPLIFIED_CHINESE), kind).message())
                .isEqualTo("请求内容不正确：字段 subject：应为文本，而不是对象（{…}）");
        assertThat(ApiError.of(List.of(Locale.ENGLISH), kind).field()).isEqualTo("subject");
    }

    /** Every body an API method reads is bound strictly: none falls back to the platform's lenient binding. */
    @Test
    void everyRequestTypeOfTheApiIsBoundStrictly() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Consumes.class) && !resource.isAnnotationPresent(Consumes.class)) {
                    continue;
                }
                for (Parameter p : method.getParameters()) {
                    if (isEntity(p) && p.getType() != InputStream.class) {
                        bodies.add(resource.getSimpleName() + "." + method.getName());
                        assertThat(StrictJson.binds(p.getParameterizedType())).as(p.getParameterizedType() + " of "
                                + resource.getSimpleName() + "." + method.getName()).isTrue();
                    }
                }
            }
        }
        assertThat(bodies).as("methods reading a JSON body").hasSizeGreaterThan(15);
        assertThat(StrictJson.binds(Map.class)).isFalse();
        assertThat(StrictJson.binds(Object.class)).isFalse();
    }

    /**
     * What Bean Validation says about a request is told in the caller's language: every message of a constraint on a
     * request type (or on the body itself) is a key with a text in the Chinese and the English bundle.
     */
    @Test
    void everyValidationMessageOfARequestIsInBothLanguages() throws Exception {
        List<String> missing = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                for (Parameter p : method.getParameters()) {
                    if (isEntity(p) && p.getType() != InputStream.class) {
                        messages(p.getAnnotations(), seen);
                        messages(p.getAnnotatedType(), seen, new java.util.HashSet<>());
                    }
                }
            }
        }
        for (String template : seen) {
            if (!template.startsWith("{") || !template.endsWith("}")) {
                missing.add(template + " (not a key)");
                continue;
            }
            String key = "validation." + template.substring(1, template.length() - 1);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                if (!org.utilitydesk.interfaces.facade.Texts.bundle(locale).containsKey(key)) {
                    missing.add(key + " [" + locale + "]");
                }
            }
        }
        assertThat(seen).as("constraint messages of request types").hasSizeGreaterThan(20);
        assertThat(missing).as("messages without a text in both languages").isEmpty();
    }

    /** The messages of the constraints on a type and, for a record, on its components and what they hold. */
    private static void messages(java.lang.reflect.AnnotatedType type, List<String> seen, java.util.Set<Type> visited) {
        messages(type.getAnnotations(), seen);
        if (type instanceof java.lang.reflect.AnnotatedParameterizedType p) {
            for (java.lang.reflect.AnnotatedType argument : p.getAnnotatedActualTypeArguments()) {
                messages(argument, seen, visited);
            }
        }
        if (type.getType() instanceof Class<?> c && c.isRecord() && visited.add(c)) {
            for (java.lang.reflect.RecordComponent component : c.getRecordComponents()) {
                messages(component.getAnnotations(), seen);
                messages(component.getAnnotatedType(), seen, visited);
            }
        }
    }

    private static void messages(Annotation[] annotations, List<String> seen) {
        for (Annotation a : annotations) {
            if (!a.annotationType().getPackageName().equals("jakarta.validation.constraints")) {
                continue;
            }
            try {
                String message = (String) a.annotationType().getMethod("message").invoke(a);
                // the validator's own default messages ({jakarta.validation.constraints.…}) are worded by it
                if (!message.startsWith("{jakarta.validation.")) {
                    seen.add(message);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static boolean isEntity(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            Class<?> t = a.annotationType();
            if (t == PathParam.class || t == QueryParam.class || t == Context.class || t == HeaderParam.class
                    || t == FormParam.class || t == CookieParam.class || t == MatrixParam.class
                    || t == jakarta.ws.rs.BeanParam.class) {
                return false;
            }
        }
        return true;
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path folder = Paths.get(StrictJson.class.getResource("StrictJson.class").toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().matches("\\w+Resource\\.class")).toList()) {
                Class<?> c = Class.forName(StrictJson.class.getPackageName() + "." + f.getFileName().toString().replace(".class", ""));
                if (c.isAnnotationPresent(Path.class)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static Object read(String json, Type type) throws IOException {
        return StrictJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    private static JsonRefusal refusal(String json, Type type) {
        try {
            read(json, type);
        } catch (JsonRefusal r) {
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + json);
    }

    private static void refused(String json, Type type, String field, Problem problem) {
        JsonRefusal r = refusal(json, type);
        assertThat(r.problem()).as(json).isEqualTo(problem);
        assertThat(r.field()).as(json).isEqualTo(field);
    }
}
