package org.utilitydesk.batch.control;

import java.util.List;

/**
 * A job was asked to start with a parameter it does not have, or a value that is not a day (or a day and time) of
 * the calendar. Says which parameter and why, so that the person is told in their language; nothing was started.
 */
public class JobParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the parameter. */
    public enum Reason { UNKNOWN, NOT_A_DAY, NOT_A_MOMENT }

    private final String parameter;
    private final Reason reason;
    private final transient List<String> known;

    JobParameterException(String job, String parameter, Reason reason, List<String> known) {
        super("parameter " + parameter + " of job " + job + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
        this.known = List.copyOf(known);
    }

    public String parameter() {
        return parameter;
    }

    public Reason reason() {
        return reason;
    }

    /** The parameters the job has, in order of name. */
    public List<String> known() {
        return known;
    }
}
