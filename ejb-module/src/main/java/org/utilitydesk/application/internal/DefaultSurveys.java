package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.Surveys;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.customer.PersonalData;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * Surveys in SQL on the survey table the callback-surveys job fills. An answer is taken only while the
 * survey is open (a row lock and a state check), so a repeated keypress, a double-clicked form or a
 * redelivered report records it once; a low score opens one follow-up complaint through the work-order
 * service, keyed by the survey.
 */
@Stateless
public class DefaultSurveys implements Surveys {

    private static final Logger LOG = Logger.getLogger(DefaultSurveys.class.getName());

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private Clock clock;

    @Override
    public Optional<SurveyCall> forCall(long outboundCallId) {
        List<?> rows = em.createNativeQuery("SELECT v.id, w.order_no, w.order_type FROM survey v"
                        + " JOIN work_order w ON w.id = v.work_order_id JOIN outbound_call o ON o.request_key = CONCAT('survey-', v.id)"
                        + " WHERE o.id = ? AND v.status IN ('PENDING', 'IN_PROGRESS')")
                .setParameter(1, outboundCallId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new SurveyCall(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }

    @Override
    public Outcome answer(long surveyId, Answer answer) {
        if (answer.score() < 1 || answer.score() > 5) {
            throw new IllegalArgumentException("a survey score is 1 to 5, not " + answer.score());
        }
        List<?> rows = em.createNativeQuery("SELECT v.status, w.id, w.order_no, w.order_type, w.customer_id, w.account_id,"
                        + " w.service_area_id, w.address, w.contact_phone, p.low_score FROM survey v"
                        + " JOIN work_order w ON w.id = v.work_order_id"
                        + " LEFT JOIN survey_policy p ON p.id = (SELECT MIN(id) FROM survey_policy WHERE active)"
                        + " WHERE v.id = ? FOR UPDATE")
                .setParameter(1, surveyId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no survey " + surveyId);
        }
        Object[] r = (Object[]) rows.get(0);
        String status = (String) r[0];
        if (!"PENDING".equals(status) && !"IN_PROGRESS".equals(status)) {
            LOG.info(() -> "survey " + surveyId + " is " + status + "; answer " + answer.score() + " not recorded again");
            return new Outcome(false, null);
        }
        int lowScore = r[9] == null ? 2 : ((Number) r[9]).intValue();
        String comment = answer.comment() == null || answer.comment().isBlank() ? null
                : answer.comment().strip().length() > 2000 ? answer.comment().strip().substring(0, 2000) : answer.comment().strip();
        Long followUpId = null;
        String followUpNo = null;
        if (answer.score() <= lowScore) {
            String orderNo = (String) r[2];
            WorkOrder followUp = workOrders.open(new WorkOrderRequest("survey-" + surveyId + "-follow-up", WorkOrderType.COMPLAINT,
                    Priority.HIGH, Channel.SYSTEM, id(r[4]), id(r[5]), id(r[6]),
                    "回访不满意（" + answer.score() + " 分）：工单 " + orderNo,
                    "客户在回访中对工单 " + orderNo + " 的处理打了 " + answer.score() + " 分。" + (comment == null ? "" : "意见：" + comment),
                    (String) r[7], (String) r[8]), "survey");
            followUpId = followUp.getId();
            followUpNo = followUp.getOrderNo();
        }
        em.createNativeQuery("UPDATE survey SET status = 'ANSWERED', score = ?, comment_text = ?, comment_recording = ?,"
                        + " answered_at = ?, answered_by = ?, follow_up_order_id = ? WHERE id = ?")
                .setParameter(1, answer.score()).setParameter(2, comment).setParameter(3, answer.recordingPath())
                .setParameter(4, now()).setParameter(5, answer.answeredBy()).setParameter(6, followUpId)
                .setParameter(7, surveyId).executeUpdate();
        String opened = followUpNo;
        LOG.info(() -> "survey " + surveyId + " answered " + answer.score() + " by " + answer.answeredBy()
                + (opened == null ? "" : "; follow-up " + opened));
        return new Outcome(true, followUpNo);
    }

    @Override
    public void unreached(long outboundCallId, String reason) {
        em.createNativeQuery("UPDATE survey v JOIN outbound_call o ON o.request_key = CONCAT('survey-', v.id)"
                        + " SET v.status = 'NO_ANSWER', v.outcome = ? WHERE o.id = ? AND v.status IN ('PENDING', 'IN_PROGRESS')")
                .setParameter(1, reason == null ? null : reason.length() > 64 ? reason.substring(0, 64) : reason)
                .setParameter(2, outboundCallId).executeUpdate();
    }

    @Override
    public List<AgentTask> agentTasks(int max, boolean unmasked) {
        List<AgentTask> tasks = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT v.id, w.order_no, w.order_type, w.subject, w.contact_phone, w.closed_at,"
                        + " v.sampled_at FROM survey v JOIN work_order w ON w.id = v.work_order_id"
                        + " WHERE v.status = 'PENDING' AND v.method = 'AGENT_TASK' ORDER BY v.sampled_at, v.id LIMIT ?")
                .setParameter(1, Math.max(1, Math.min(max, 500))).getResultList()) {
            Object[] r = (Object[]) row;
            String phone = (String) r[4];
            tasks.add(new AgentTask(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    unmasked ? phone : PersonalData.maskPhone(phone), SqlValues.instant(r[5]), SqlValues.instant(r[6])));
        }
        return tasks;
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
