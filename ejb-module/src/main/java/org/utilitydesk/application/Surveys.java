package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Callback surveys (回访) of closed work orders: what the outbound IVR asks about, the answers given by
 * keypad or to an agent, and the follow-up order a low score opens. Each work order is surveyed once.
 */
public interface Surveys {

    /** What the survey call tells the customer it is about. */
    record SurveyCall(long surveyId, String orderNo, String orderType) {
    }

    /** The survey the outbound call {@code outboundCallId} was placed for, if it still waits for an answer. */
    Optional<SurveyCall> forCall(long outboundCallId);

    /** An answer: score 1 (very unhappy) to 5 (very happy), optional comment text or recording. */
    record Answer(int score, String comment, String recordingPath, String answeredBy) {
    }

    /** What became of an answer: the follow-up order a low score opened, if any. */
    record Outcome(boolean recorded, String followUpOrderNo) {
    }

    /**
     * Records the answer once: a survey already answered or closed is left as it is ({@code recorded} false).
     * Refused with IllegalArgumentException for a score outside 1..5.
     */
    Outcome answer(long surveyId, Answer answer);

    /** The survey call could not reach the customer (no answer, busy, failed): the survey is closed as such. */
    void unreached(long outboundCallId, String reason);

    /** A survey an agent is to make by phone. */
    record AgentTask(long surveyId, String orderNo, String orderType, String subject, String contactPhone, Instant closedAt,
                     Instant sampledAt) {
    }

    /** Surveys waiting for an agent, oldest first; phones masked unless {@code unmasked}. */
    List<AgentTask> agentTasks(int max, boolean unmasked);
}
