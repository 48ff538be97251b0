package org.utilitydesk.interfaces.rest;

import java.util.List;

/**
 * A request body that is not what its endpoint reads: which field (a path such as {@code subject}, {@code [3].type}
 * or {@code tags[2]}; empty for the body as a whole), what is wrong with it, and the details the message names. Thrown
 * while the body is bound, so the resource method never runs and nothing is stored; answered 400 by
 * {@link ApiExceptionMapper} wherever the runtime wraps it.
 */
public class JsonRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong; each has a message {@code json.<name>} in the bundles. */
    public enum Problem {
        /** Not JSON at all: {0} line, {1} column. */
        MALFORMED,
        /** More after the JSON value. */
        TRAILING,
        /** Bytes that are not UTF-8. */
        ENCODING,
        /** A field the request does not have: {0} the fields it has. */
        UNKNOWN_FIELD,
        /** The same field twice. */
        DUPLICATE,
        /** A value of the wrong kind: {0} the kind expected, {1} the kind sent. */
        EXPECTED,
        /** A whole number written with a fraction or an exponent. */
        NOT_WHOLE,
        /** A whole number outside what the field holds: {0} the least, {1} the most. */
        OUT_OF_RANGE,
        /** Not one of the values the field takes: {0} those values. */
        ONE_OF,
        /** Not a day of the calendar (YYYY-MM-DD). */
        NO_SUCH_DAY,
        /** Not a moment of the calendar (YYYY-MM-DDTHH:MM). */
        NO_SUCH_MOMENT,
        /** A field that must be present. */
        MISSING,
        /** Control characters (other than tab and line breaks) or half of a surrogate pair in text. */
        CONTROL_CHARACTER
    }

    /** The kinds of JSON value a message names; each has a message {@code json.kind.<name>}. */
    public enum Kind {
        TEXT, WHOLE_NUMBER, NUMBER, TRUE_OR_FALSE, OBJECT, LIST, DAY, NULL
    }

    private final String field;
    private final Problem problem;
    private final transient List<Object> details;

    JsonRefusal(String field, Problem problem, Object... details) {
        super(problem + (field.isEmpty() ? "" : " at " + field));
        this.field = field;
        this.problem = problem;
        this.details = List.of(details);
    }

    /** Where in the body: a field's path, empty for the body itself. */
    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    /** What the message names besides the field; {@link Kind}s are to be put in words. */
    public List<Object> details() {
        return details;
    }
}
