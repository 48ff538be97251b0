package org.utilitydesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.model.workorder.Incident;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/**
 * Folds fault reports from one service area into one incident: while an incident is open in the area a
 * new report joins it; otherwise, once the configured number of reports arrive within the window, they
 * open one together. An open incident is announced to callers from the area like an outage. Runs in the
 * routing transaction, with the area row locked so two reports routed at once cannot open two incidents.
 */
@ApplicationScoped
public class IncidentFolding {

    private static final Logger LOG = Logger.getLogger(IncidentFolding.class.getName());

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "utilitydesk.incident.window-minutes", defaultValue = "60")
    private int windowMinutes;

    @Inject
    @ConfigProperty(name = "utilitydesk.incident.min-reports", defaultValue = "2")
    private int minReports;

    void fold(WorkOrder order, Instant now) {
        long area = order.getServiceAreaId();
        em.createNativeQuery("SELECT id FROM service_area WHERE id = ? FOR UPDATE").setParameter(1, area).getResultList();
        Optional<Incident> open = em.createNamedQuery("Incident.openInArea", Incident.class).setParameter("area", area)
                .setMaxResults(1).getResultStream().findFirst();
        if (open.isPresent()) {
            join(open.get(), order, now);
            return;
        }
        List<WorkOrder> recent = em.createQuery("SELECT w FROM WorkOrder w WHERE w.type = :type AND w.serviceAreaId = :area"
                        + " AND w.incidentId IS NULL AND w.createdAt >= :since AND w.id <> :self"
                        + " AND w.state IN (org.utilitydesk.domain.model.workorder.WorkOrderState.NEW,"
                        + " org.utilitydesk.domain.model.workorder.WorkOrderState.DISPATCHED,"
                        + " org.utilitydesk.domain.model.workorder.WorkOrderState.IN_PROGRESS)", WorkOrder.class)
                .setParameter("type", order.getType())
                .setParameter("area", area)
                .setParameter("since", now.minus(Duration.ofMinutes(windowMinutes)))
                .setParameter("self", order.getId())
                .getResultList();
        if (recent.size() + 1 < minReports) {
            return;
        }
        Incident incident = new Incident(area, order.getType().name(), "片区故障：" + order.getSubject(), now);
        em.persist(incident);
        em.flush();
        incident.assignNumber();
        for (WorkOrder earlier : recent) {
            join(incident, earlier, now);
        }
        join(incident, order, now);
        em.createNativeQuery("INSERT INTO outage_notice (service_area_id, kind, energy_type, starts_at, reason_zh, reason_en,"
                        + " status, created_at, incident_id) VALUES (?, 'UNPLANNED', 'ELECTRICITY', ?, ?, ?, 'ACTIVE', ?, ?)")
                .setParameter(1, area)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, "您所在片区发生故障，抢修人员正在处理，事件编号 " + incident.getIncidentNo())
                .setParameter(4, "A fault in your area is being repaired, incident " + incident.getIncidentNo())
                .setParameter(5, Timestamp.from(now))
                .setParameter(6, incident.getId())
                .executeUpdate();
        LOG.info(() -> "incident " + incident.getIncidentNo() + " opened in area " + area + " with "
                + incident.getReports() + " fault reports");
    }

    private static void join(Incident incident, WorkOrder order, Instant now) {
        order.joinIncident(incident.getId(), incident.getIncidentNo(), now);
        incident.reported();
    }
}
