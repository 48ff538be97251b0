package org.utilitydesk.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;

/** Work orders through JPA. */
@ApplicationScoped
public class JpaWorkOrderRepository implements WorkOrderRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PHONE_REFERENCE_ATTEMPTS = 50;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public WorkOrder add(WorkOrder order) {
        em.persist(order);
        order.assignNumber();
        assignPhoneReference(order);
        return order;
    }

    @Override
    public String phoneReference(WorkOrder order) {
        List<?> held = em.createNativeQuery("SELECT ref FROM order_phone_ref WHERE work_order_id = ?")
                .setParameter(1, order.getId()).getResultList();
        return held.isEmpty() ? assignPhoneReference(order) : String.valueOf(held.get(0));
    }

    @Override
    public Map<Long, String> phoneReferences(Collection<Long> orderIds) {
        Map<Long, String> references = new HashMap<>();
        if (orderIds.isEmpty()) {
            return references;
        }
        Query query = em.createNativeQuery("SELECT work_order_id, ref FROM order_phone_ref WHERE work_order_id IN ("
                + String.join(",", Collections.nCopies(orderIds.size(), "?")) + ")");
        int position = 1;
        for (Long id : orderIds) {
            query.setParameter(position++, id);
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            references.put(((Number) columns[0]).longValue(), String.valueOf(columns[1]));
        }
        return references;
    }

    /**
     * A random six-digit reference no open order holds: a free one is inserted (INSERT IGNORE: a reference another
     * transaction took just now is left alone), else one whose order is closed or cancelled is taken over, else the
     * next random one is tried. Two open orders never share one (the primary key); usually one statement.
     */
    private String assignPhoneReference(WorkOrder order) {
        for (int attempt = 0; attempt < PHONE_REFERENCE_ATTEMPTS; attempt++) {
            String reference = String.format("%06d", RANDOM.nextInt(1_000_000));
            Timestamp now = Timestamp.from(Instant.now());
            int taken = em.createNativeQuery("INSERT IGNORE INTO order_phone_ref (ref, work_order_id, assigned_at) VALUES (?, ?, ?)")
                    .setParameter(1, reference).setParameter(2, order.getId()).setParameter(3, now).executeUpdate();
            if (taken == 0) {
                taken = em.createNativeQuery("UPDATE order_phone_ref r JOIN work_order w ON w.id = r.work_order_id"
                                + " SET r.work_order_id = ?, r.assigned_at = ? WHERE r.ref = ? AND w.state IN ('CLOSED', 'CANCELLED')")
                        .setParameter(1, order.getId()).setParameter(2, now).setParameter(3, reference).executeUpdate();
            }
            if (taken == 1) {
                return reference;
            }
        }
        throw new IllegalStateException("no free phone reference for " + order.getOrderNo() + " after "
                + PHONE_REFERENCE_ATTEMPTS + " tries: are nearly a million orders open?");
    }

    @Override
    public Optional<WorkOrder> findOpenByPhoneReference(String reference) {
        List<?> ids = em.createNativeQuery("SELECT r.work_order_id FROM order_phone_ref r JOIN work_order w ON w.id = r.work_order_id"
                + " WHERE r.ref = ? AND w.state NOT IN ('CLOSED', 'CANCELLED')").setParameter(1, reference).getResultList();
        return ids.isEmpty() ? Optional.empty() : find(((Number) ids.get(0)).longValue());
    }

    @Override
    public Optional<WorkOrder> find(long id) {
        return Optional.ofNullable(em.find(WorkOrder.class, id));
    }

    @Override
    public List<WorkOrder> findAll(Collection<Long> ids) {
        if (ids.size() <= 1) {
            return ids.stream().map(this::find).flatMap(Optional::stream).toList();
        }
        return em.createNamedQuery("WorkOrder.findByIds", WorkOrder.class).setParameter("ids", List.copyOf(ids)).getResultList();
    }

    @Override
    public Optional<WorkOrder> findByOrderNo(String orderNo) {
        return em.createNamedQuery("WorkOrder.findByOrderNo", WorkOrder.class).setParameter("orderNo", orderNo)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<WorkOrder> findByRequestKey(String requestKey) {
        return em.createNamedQuery("WorkOrder.findByRequestKey", WorkOrder.class).setParameter("key", requestKey)
                .getResultStream().findFirst();
    }

    @Override
    public List<WorkOrder> findByRequestKeys(Collection<String> requestKeys) {
        if (requestKeys.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("WorkOrder.findByRequestKeys", WorkOrder.class)
                .setParameter("keys", List.copyOf(requestKeys)).getResultList();
    }
}
