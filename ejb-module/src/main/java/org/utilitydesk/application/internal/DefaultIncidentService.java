package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.IncidentService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Incident;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/** Finds and resolves incidents, resolving every report under them in the same transaction. */
@Stateless
public class DefaultIncidentService implements IncidentService {

    private static final Logger LOG = Logger.getLogger(DefaultIncidentService.class.getName());

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Notifications notifications;

    @Override
    public Optional<Incident> find(String incidentNo) {
        return em.createNamedQuery("Incident.findByNo", Incident.class).setParameter("no", incidentNo)
                .getResultStream().findFirst();
    }

    @Override
    public String numberOf(long incidentId) {
        Incident incident = em.find(Incident.class, incidentId);
        return incident == null ? null : incident.getIncidentNo();
    }

    @Override
    public List<WorkOrder> reports(long incidentId) {
        return em.createQuery("SELECT w FROM WorkOrder w WHERE w.incidentId = :incident ORDER BY w.createdAt, w.id",
                WorkOrder.class).setParameter("incident", incidentId).getResultList();
    }

    @Override
    public Optional<Incident> resolve(String incidentNo, String note, String actor) {
        Optional<Incident> found = em.createNamedQuery("Incident.findByNo", Incident.class).setParameter("no", incidentNo)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().resolve(clock.instant())) {
            return found;
        }
        Incident incident = found.get();
        Instant now = clock.instant();
        String why = "随故障事件 " + incidentNo + " 一并处理" + (note == null || note.isBlank() ? "" : "：" + note);
        int resolved = 0;
        for (WorkOrder order : reports(incident.getId())) {
            if (order.getState() == WorkOrderState.DISPATCHED) {
                order.start(actor, Channel.DESK, why, now);
                em.flush(); // the history lists STARTED before RESOLVED, which share a timestamp
            }
            if (order.getState() == WorkOrderState.IN_PROGRESS) {
                order.resolve(actor, Channel.DESK, why, now);
                notifications.workOrderResolved(order);
                resolved++;
            }
        }
        em.createNativeQuery("UPDATE outage_notice SET status = 'RESTORED', ends_at = ? WHERE incident_id = ? AND status = 'ACTIVE'")
                .setParameter(1, Timestamp.from(now)).setParameter(2, incident.getId()).executeUpdate();
        int count = resolved;
        LOG.info(() -> "incident " + incidentNo + " resolved by " + actor + "; " + count + " reports resolved with it");
        return found;
    }
}
