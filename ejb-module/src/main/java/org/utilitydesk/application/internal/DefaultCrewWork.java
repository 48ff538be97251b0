package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.file.AttachmentKind;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.MissingNoteException;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderPhoto;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * The crews' side of work orders. Which orders are a crew's is decided in one place ({@link #order}); the
 * lifecycle moves go through {@link WorkOrderService} like every other channel's.
 */
@Stateless
public class DefaultCrewWork implements CrewWork {

    private static final Logger LOG = Logger.getLogger(DefaultCrewWork.class.getName());
    /** How long an order the crew resolved stays on their list, closed by the desk meanwhile or not. */
    private static final Duration RESOLVED_SHOWN = Duration.ofHours(24);

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private WorkOrderRepository orders;

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private AttachmentStore files;

    @Inject
    private Clock clock;

    @Override
    public Optional<Member> member(String login) {
        if (login == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.username, u.display_name, d.id, d.name FROM app_user u"
                        + " JOIN department d ON d.id = u.department_id AND d.kind = 'CREW'"
                        + " WHERE u.username = ? AND u.enabled = TRUE")
                .setParameter(1, login).getResultList();
        return rows.stream().findFirst().map(r -> new Member(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4]));
    }

    @Override
    public List<Job> jobs(Member member) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT w.order_no, w.order_type, w.priority, w.state, w.subject, w.address,"
                        + " w.contact_phone, w.created_at, w.sla_due_at, w.dispatched_at, w.sla_paused_since, w.sla_paused_seconds,"
                        + " u.username, (SELECT COUNT(*) FROM work_order_attachment p WHERE p.work_order_id = w.id)"
                        + " FROM work_order w LEFT JOIN app_user u ON u.id = w.assigned_user_id"
                        + " WHERE w.assigned_department_id = ? AND (w.state IN ('DISPATCHED', 'IN_PROGRESS')"
                        + " OR (w.state IN ('RESOLVED', 'CLOSED') AND w.resolved_at >= ?))"
                        + " ORDER BY w.state IN ('RESOLVED', 'CLOSED'), w.sla_due_at IS NULL, w.sla_due_at, w.id")
                .setParameter(1, member.crewId())
                .setParameter(2, Timestamp.from(now.minus(RESOLVED_SHOWN)))
                .setMaxResults(200).getResultList();
        return rows.stream().map(r -> {
            WorkOrderState state = WorkOrderState.valueOf((String) r[3]);
            Instant due = SqlValues.instant(r[8]);
            SlaStatus sla = SlaStatus.of(state, SqlValues.instant(r[9]), due, SqlValues.instant(r[10]),
                    ((Number) r[11]).longValue(), now);
            return new Job((String) r[0], WorkOrderType.valueOf((String) r[1]), Priority.valueOf((String) r[2]), state,
                    (String) r[4], (String) r[5], (String) r[6], SqlValues.instant(r[7]), due, sla, (String) r[12],
                    ((Number) r[13]).intValue());
        }).toList();
    }

    @Override
    public Optional<WorkOrder> order(Member member, String orderNo) {
        return orders.findByOrderNo(orderNo)
                .filter(o -> o.getAssignedDepartmentId() != null && o.getAssignedDepartmentId() == member.crewId());
    }

    @Override
    public String acceptedBy(WorkOrder order) {
        if (order.getAssignedUserId() == null) {
            return null;
        }
        List<?> names = em.createNativeQuery("SELECT username FROM app_user WHERE id = ?")
                .setParameter(1, order.getAssignedUserId()).getResultList();
        return names.isEmpty() ? null : String.valueOf(names.get(0));
    }

    @Override
    public Optional<WorkOrder> accept(Member member, String orderNo) {
        return order(member, orderNo).map(o -> {
            take(member, o);
            return o;
        });
    }

    private void take(Member member, WorkOrder order) {
        if (order.getAssignedUserId() != null && order.getAssignedUserId() != member.userId()) {
            throw new TakenException(order.getOrderNo(), acceptedBy(order));
        }
        if (order.accept(member.userId(), member.login(), Channel.CREW, clock.instant())) {
            // two members taking it at once: the second one's version is stale, and they are told so here
            em.flush();
            LOG.info(() -> order.getOrderNo() + " taken by " + member.login() + " of " + member.crewName());
        }
    }

    @Override
    public Optional<WorkOrder> act(Member member, String orderNo, WorkOrderService.Action action, String note) {
        if (!CREW_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("crews may not " + action + " an order");
        }
        Optional<WorkOrder> found = order(member, orderNo);
        if (found.isEmpty()) {
            return found;
        }
        WorkOrder order = found.get();
        if (action == WorkOrderService.Action.START && order.getAssignedUserId() == null) {
            take(member, order);
        }
        if (action == WorkOrderService.Action.RESOLVE && (note == null || note.isBlank())) {
            throw new MissingNoteException("RESOLVE");
        }
        return workOrders.act(orderNo, action, note, member.login(), Channel.CREW);
    }

    @Override
    public Optional<WorkOrderPhoto> addPhoto(Member member, String orderNo, String fileName, byte[] content) {
        String name = AttachmentKind.cleanName(fileName);
        AttachmentKind kind = AttachmentKind.check(name, content, AttachmentKind.PHOTOS, "workorder.photo");
        return order(member, orderNo).map(o -> {
            Instant now = clock.instant();
            o.photoAdded(name, member.login(), Channel.CREW, now);
            WorkOrderPhoto photo = new WorkOrderPhoto(o.getId(), name, kind.contentType(), content.length,
                    files.write(AttachmentStore.Shelf.WORK_ORDER_PHOTOS, o.getId(), content), member.login(), now);
            em.persist(photo);
            em.flush();
            LOG.info(() -> member.login() + " added photo " + name + " (" + content.length + " bytes) to " + orderNo);
            return photo;
        });
    }

    @Override
    public List<WorkOrderPhoto> photos(WorkOrder order) {
        return em.createNamedQuery("WorkOrderPhoto.ofOrder", WorkOrderPhoto.class).setParameter("order", order.getId())
                .getResultList();
    }

    @Override
    public Optional<StoredPhoto> photo(WorkOrder order, long photoId) {
        return Optional.ofNullable(em.find(WorkOrderPhoto.class, photoId))
                .filter(p -> p.getWorkOrderId() == order.getId())
                .map(p -> new StoredPhoto(p, files.resolve(AttachmentStore.Shelf.WORK_ORDER_PHOTOS, p.getStoragePath())));
    }
}
