package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.utilitydesk.application.WorkOrderBoard;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * The board's query, in SQL over the indexed columns: the SLA filters are the same rule as
 * {@link SlaStatus#of}, written as conditions so paging happens in the database.
 */
@Stateless
public class DefaultWorkOrderBoard implements WorkOrderBoard {

    private static final String OPEN = "w.state IN ('DISPATCHED', 'IN_PROGRESS')";
    private static final String USED = "(TIMESTAMPDIFF(SECOND, w.dispatched_at, ?) - w.sla_paused_seconds)";
    private static final String WINDOW = "(TIMESTAMPDIFF(SECOND, w.dispatched_at, w.sla_due_at) - w.sla_paused_seconds)";

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public java.util.Optional<String> departmentName(Long departmentId) {
        return departmentId == null ? java.util.Optional.empty()
                : em.createNativeQuery("SELECT name FROM department WHERE id = ?").setParameter(1, departmentId).getResultList()
                        .stream().map(String.class::cast).findFirst();
    }

    @Override
    public List<Row> rows(Filter filter, int first, int max) {
        Instant now = clock.instant();
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, now, parameters);
        Query query = em.createNativeQuery("SELECT w.order_no, w.order_type, w.priority, w.state, a.name, w.subject, w.created_at,"
                + " w.sla_due_at, w.dispatched_at, w.sla_paused_since, w.sla_paused_seconds, w.escalation_level, i.incident_no"
                + " FROM work_order w LEFT JOIN service_area a ON a.id = w.service_area_id LEFT JOIN incident i ON i.id = w.incident_id"
                + where + " ORDER BY w.state IN ('RESOLVED', 'CLOSED', 'CANCELLED'), w.sla_due_at IS NULL, w.sla_due_at, w.id DESC");
        bind(query, parameters);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
        return rows.stream().map(r -> {
            WorkOrderState state = WorkOrderState.valueOf((String) r[3]);
            Instant due = SqlValues.instant(r[7]);
            SlaStatus sla = SlaStatus.of(state, SqlValues.instant(r[8]), due, SqlValues.instant(r[9]), ((Number) r[10]).longValue(), now);
            return new Row((String) r[0], WorkOrderType.valueOf((String) r[1]), (String) r[2], state, (String) r[4], (String) r[5],
                    SqlValues.instant(r[6]), due, sla, ((Number) r[11]).intValue(), (String) r[12]);
        }).toList();
    }

    @Override
    public long count(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        Query query = em.createNativeQuery("SELECT COUNT(*) FROM work_order w" + where(filter, clock.instant(), parameters));
        bind(query, parameters);
        return ((Number) query.getSingleResult()).longValue();
    }

    @Override
    public List<Area> areas() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM service_area ORDER BY code").getResultList();
        return rows.stream().map(r -> new Area(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    private static String where(Filter filter, Instant now, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.type() != null) {
            where.append(" AND w.order_type = ?");
            parameters.add(filter.type().name());
        }
        if (filter.state() != null) {
            where.append(" AND w.state = ?");
            parameters.add(filter.state().name());
        }
        if (filter.serviceAreaId() != null) {
            where.append(" AND w.service_area_id = ?");
            parameters.add(filter.serviceAreaId());
        }
        if (filter.openOnly()) {
            where.append(" AND w.state IN ('NEW', 'DISPATCHED', 'IN_PROGRESS')");
        }
        if (filter.sla() != null) {
            Timestamp at = Timestamp.from(now);
            switch (filter.sla()) {
                case NONE -> where.append(" AND (w.sla_due_at IS NULL OR w.dispatched_at IS NULL OR NOT ").append(OPEN).append(")");
                case PAUSED -> where.append(" AND w.sla_paused_since IS NOT NULL AND ").append(OPEN);
                case BREACHED -> {
                    where.append(" AND w.sla_paused_since IS NULL AND w.sla_due_at < ? AND ").append(OPEN);
                    parameters.add(at);
                }
                case AT_RISK -> {
                    where.append(" AND w.sla_paused_since IS NULL AND w.sla_due_at >= ? AND ").append(OPEN)
                            .append(" AND ").append(USED).append(" * 5 >= ").append(WINDOW).append(" * 4");
                    parameters.add(at);
                    parameters.add(at);
                }
                case ON_TRACK -> {
                    where.append(" AND w.sla_paused_since IS NULL AND w.sla_due_at >= ? AND ").append(OPEN)
                            .append(" AND ").append(USED).append(" * 5 < ").append(WINDOW).append(" * 4");
                    parameters.add(at);
                    parameters.add(at);
                }
            }
        }
        return where.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
