package org.utilitydesk.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;

/** Work orders through JPA. */
@ApplicationScoped
public class JpaWorkOrderRepository implements WorkOrderRepository {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public WorkOrder add(WorkOrder order) {
        em.persist(order);
        order.assignNumber();
        return order;
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
