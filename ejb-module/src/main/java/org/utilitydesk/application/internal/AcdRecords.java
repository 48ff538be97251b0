package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.utilitydesk.application.CallRouting.Choice;
import org.utilitydesk.domain.model.acd.AgentChange;
import org.utilitydesk.domain.model.acd.AgentProfile;
import org.utilitydesk.domain.model.acd.Relaxation;

/** What the ACD reads from and writes to the database: agents' skills, queue settings, state log, call rows. */
@Stateless
public class AcdRecords {

    /** Priority points: a VIP account, a complaint, a caller who called in the last 24 hours. */
    static final int VIP = 30;
    static final int COMPLAINT = 20;
    static final int REPEAT = 10;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    public record Agent(AgentProfile profile, String agentNo) {
    }

    public record QueueSettings(long queueId, String code, String skill, String nameZh, String nameEn, int serviceLevelSeconds,
                         int maxWaitSeconds, int ringSeconds, int wrapUpSeconds, LocalTime opensAt, LocalTime closesAt,
                         Relaxation relaxation) {

        boolean openAt(LocalTime time) {
            if (opensAt == null || closesAt == null) {
                return true;
            }
            return opensAt.isBefore(closesAt)
                    ? !time.isBefore(opensAt) && time.isBefore(closesAt)
                    : !time.isBefore(opensAt) || time.isBefore(closesAt); // open over midnight
        }
    }

    public record Caller(boolean vip, boolean repeat) {
    }

    public Optional<Agent> agent(String username) {
        List<?> rows = em.createNativeQuery("SELECT a.id, a.agent_no, a.extension, s.code, k.proficiency FROM agent a"
                        + " JOIN app_user u ON u.id = a.user_id LEFT JOIN agent_skill k ON k.agent_id = a.id"
                        + " LEFT JOIN skill s ON s.id = k.skill_id WHERE u.username = ? AND u.enabled")
                .setParameter(1, username).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> skills = new HashMap<>();
        Object[] first = (Object[]) rows.get(0);
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (r[3] != null) {
                skills.put((String) r[3], ((Number) r[4]).intValue());
            }
        }
        return Optional.of(new Agent(new AgentProfile(((Number) first[0]).longValue(), username, (String) first[2], skills),
                (String) first[1]));
    }

    /** The queue serving a skill; a skill without a queue of its own gets round-the-clock defaults. */
    public QueueSettings queueFor(String skill) {
        List<?> rows = em.createNativeQuery("SELECT q.id, q.code, s.name_zh, s.name_en, q.service_level_seconds,"
                        + " q.max_wait_seconds, q.ring_seconds, q.wrap_up_seconds, q.opens_at, q.closes_at"
                        + " FROM skill s LEFT JOIN call_queue q ON q.skill_id = s.id WHERE s.code = ? ORDER BY q.id LIMIT 1")
                .setParameter(1, skill).getResultList();
        if (rows.isEmpty() || ((Object[]) rows.get(0))[0] == null) {
            String zh = rows.isEmpty() ? skill : (String) ((Object[]) rows.get(0))[2];
            String en = rows.isEmpty() ? skill : (String) ((Object[]) rows.get(0))[3];
            return new QueueSettings(0, null, skill, zh, en, 20, 180, 20, 60, null, null, Relaxation.NONE);
        }
        Object[] r = (Object[]) rows.get(0);
        long queueId = ((Number) r[0]).longValue();
        List<Relaxation.Step> steps = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT after_seconds, min_proficiency FROM acd_relaxation WHERE queue_id = ?")
                .setParameter(1, queueId).getResultList()) {
            Object[] step = (Object[]) row;
            steps.add(new Relaxation.Step(((Number) step[0]).intValue(), ((Number) step[1]).intValue()));
        }
        return new QueueSettings(queueId, (String) r[1], skill, (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), SqlValues.time(r[8]), SqlValues.time(r[9]),
                new Relaxation(steps));
    }

    /** A skill with its names, and whether a queue serves it (the wallboard always shows those lines). */
    public record Skill(String code, String nameZh, String nameEn, boolean queued) {
    }

    public List<Skill> skills() {
        List<Skill> skills = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.code, s.name_zh, s.name_en,"
                + " EXISTS (SELECT 1 FROM call_queue q WHERE q.skill_id = s.id) FROM skill s ORDER BY s.id").getResultList()) {
            Object[] r = (Object[]) row;
            skills.add(new Skill((String) r[0], (String) r[1], (String) r[2], SqlValues.bool(r[3])));
        }
        return skills;
    }

    /** Whether the calling customer is a VIP and whether the number called in the 24 hours before. */
    public Caller caller(long callId, String callerNumber, Long customerId, Instant at) {
        boolean vip = customerId != null && em.createNativeQuery("SELECT vip FROM customer WHERE id = ?")
                .setParameter(1, customerId).getResultStream().anyMatch(SqlValues::bool);
        boolean repeat = callerNumber != null && !callerNumber.isBlank() && ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM call_record WHERE caller_number = ? AND started_at >= ? AND id <> ?")
                .setParameter(1, callerNumber).setParameter(2, Timestamp.from(at.minusSeconds(24 * 3600)))
                .setParameter(3, callId).getSingleResult()).longValue() > 0;
        return new Caller(vip, repeat);
    }

    public void queued(long callId, long queueId, int priority, Instant at) {
        em.createNativeQuery("UPDATE call_record SET queue_id = ?, queued_at = COALESCE(queued_at, ?), priority = ? WHERE id = ?")
                .setParameter(1, queueId == 0 ? null : queueId).setParameter(2, Timestamp.from(at))
                .setParameter(3, priority).setParameter(4, callId).executeUpdate();
    }

    public void offered(long callId, long agentId) {
        em.createNativeQuery("UPDATE call_record SET agent_id = ? WHERE id = ? AND agent_answered_at IS NULL")
                .setParameter(1, agentId).setParameter(2, callId).executeUpdate();
    }

    /** The first answer counts for the waiting time; after a transfer the agent who took it over is the call's agent. */
    public void agentAnswered(long callId, long agentId, Instant at) {
        em.createNativeQuery("UPDATE call_record SET agent_id = ?, agent_answered_at = COALESCE(agent_answered_at, ?)"
                        + " WHERE id = ? AND (agent_answered_at IS NULL OR agent_id IS NULL)")
                .setParameter(1, agentId).setParameter(2, Timestamp.from(at)).setParameter(3, callId).executeUpdate();
    }

    /** The agent transferred the call: it has no agent until the next one answers (their wrap-up is the call's). */
    public void transferred(long callId) {
        em.createNativeQuery("UPDATE call_record SET agent_id = NULL WHERE id = ?").setParameter(1, callId).executeUpdate();
    }

    /** The agent identified the caller: the record names the customer (the account stays unknown). */
    public void linkCustomer(long callId, long customerId) {
        int updated = em.createNativeQuery("UPDATE call_record SET customer_id = ? WHERE id = ? AND EXISTS"
                        + " (SELECT 1 FROM customer WHERE id = ?)")
                .setParameter(1, customerId).setParameter(2, callId).setParameter(3, customerId).executeUpdate();
        if (updated != 1) {
            throw new IllegalArgumentException("no customer " + customerId + " or call " + callId);
        }
    }


    /**
     * Writes state changes in the order they happened: each closes the agent's open row and opens the
     * next, so the log holds every interval with its start and end.
     */
    public void journal(List<AgentChange> changes) {
        for (AgentChange change : changes) {
            Timestamp at = Timestamp.from(change.at());
            em.createNativeQuery("UPDATE agent_state_log SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL")
                    .setParameter(1, at).setParameter(2, change.agentId()).executeUpdate();
            em.createNativeQuery("INSERT INTO agent_state_log (agent_id, state, reason, started_at, ended_at) VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, change.agentId()).setParameter(2, change.state().name()).setParameter(3, change.reason())
                    .setParameter(4, at).setParameter(5, change.state() == org.utilitydesk.domain.model.acd.AgentState.LOGGED_OUT ? at : null)
                    .executeUpdate();
        }
    }

    /** After a restart nobody is logged in: every open interval ends now. */
    public int closeOpenStates(Instant at) {
        return em.createNativeQuery("UPDATE agent_state_log SET ended_at = ? WHERE ended_at IS NULL")
                .setParameter(1, Timestamp.from(at)).executeUpdate();
    }

    /**
     * Records the wrap-up of a call the agent took: once (a second submission finds it done and changes
     * nothing). Returns false when the call is not this agent's.
     */
    public boolean wrapUp(long callId, long agentId, String disposition, String notes, Instant at) {
        int updated = em.createNativeQuery("UPDATE call_record SET disposition_code = ?, notes = ?, wrapped_up_at = ?"
                        + " WHERE id = ? AND agent_id = ? AND wrapped_up_at IS NULL")
                .setParameter(1, disposition).setParameter(2, notes).setParameter(3, Timestamp.from(at))
                .setParameter(4, callId).setParameter(5, agentId).executeUpdate();
        if (updated == 1) {
            return true;
        }
        return !em.createNativeQuery("SELECT id FROM call_record WHERE id = ? AND agent_id = ?")
                .setParameter(1, callId).setParameter(2, agentId).getResultList().isEmpty();
    }

    /** A caller chose to be called back: their task waits with their place (the time they joined the line). */
    public void callbackRequested(long callId, String callerNumber, String skill, int priority, Instant queuedAt, Instant at) {
        em.createNativeQuery("INSERT INTO callback_task (call_id, caller_number, skill_code, priority, queued_at, state, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'WAITING', ?) ON DUPLICATE KEY UPDATE call_id = call_id")
                .setParameter(1, callId).setParameter(2, callerNumber).setParameter(3, skill).setParameter(4, priority)
                .setParameter(5, Timestamp.from(queuedAt)).setParameter(6, Timestamp.from(at)).executeUpdate();
    }

    public void callbackDialling(long callId, long agentId, long outboundId) {
        em.createNativeQuery("UPDATE callback_task SET state = 'DIALLING', agent_id = ?, outbound_id = ?, attempts = attempts + 1"
                        + " WHERE call_id = ?")
                .setParameter(1, agentId).setParameter(2, outboundId).setParameter(3, callId).executeUpdate();
    }

    /** WAITING again (not reached, to be retried), or finally DONE or FAILED. */
    public void callbackState(long callId, String state, Instant at) {
        em.createNativeQuery("UPDATE callback_task SET state = ?, done_at = ? WHERE call_id = ?")
                .setParameter(1, state).setParameter(2, "WAITING".equals(state) ? null : Timestamp.from(at))
                .setParameter(3, callId).executeUpdate();
    }

    /** A callback still owed to a caller, with what the desk shows of their call. */
    public record OpenCallback(long callId, String callUid, String callerNumber, Long customerId, Long accountId, String skill,
                               int priority, Instant queuedAt, int attempts, String ivrPath) {
    }

    /** Callbacks not yet done (also those whose dialling a restart interrupted), oldest place first. */
    public List<OpenCallback> openCallbacks() {
        List<OpenCallback> open = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT t.call_id, c.call_uid, t.caller_number, c.customer_id, c.account_id,"
                + " t.skill_code, t.priority, t.queued_at, t.attempts, c.ivr_path FROM callback_task t"
                + " JOIN call_record c ON c.id = t.call_id WHERE t.state IN ('WAITING', 'DIALLING') ORDER BY t.queued_at").getResultList()) {
            Object[] r = (Object[]) row;
            open.add(new OpenCallback(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(),
                    (String) r[5], ((Number) r[6]).intValue(), SqlValues.instant(r[7]), ((Number) r[8]).intValue(), (String) r[9]));
        }
        return open;
    }

    public List<Choice> dispositions() {
        return choices("SELECT code, name_zh, name_en, needs_note FROM disposition_code ORDER BY rank_no, code");
    }

    public List<Choice> notReadyReasons() {
        return choices("SELECT code, name_zh, name_en, FALSE FROM not_ready_reason WHERE chosen_by_agent ORDER BY code");
    }

    /** Today's queued calls: offered, answered by an agent, abandoned in line, answered within the queue's target. */
    public long[] figuresSince(Instant dayStart) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*),"
                        + " COALESCE(SUM(c.agent_answered_at IS NOT NULL), 0),"
                        + " COALESCE(SUM(c.agent_answered_at IS NULL AND c.ended_at IS NOT NULL AND c.outcome = 'ABANDONED'), 0),"
                        + " COALESCE(SUM(c.agent_answered_at IS NOT NULL AND TIMESTAMPDIFF(MICROSECOND, c.queued_at, c.agent_answered_at)"
                        + "   <= COALESCE(q.service_level_seconds, 20) * 1000000), 0)"
                        + " FROM call_record c LEFT JOIN call_queue q ON q.id = c.queue_id WHERE c.queued_at >= ?")
                .setParameter(1, Timestamp.from(dayStart)).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue()};
    }

    private List<Choice> choices(String sql) {
        List<Choice> choices = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) row;
            choices.add(new Choice((String) r[0], (String) r[1], (String) r[2], SqlValues.bool(r[3])));
        }
        return choices;
    }


}
