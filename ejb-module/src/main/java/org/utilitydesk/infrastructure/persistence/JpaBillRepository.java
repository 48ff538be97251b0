package org.utilitydesk.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.billing.Bill;
import org.utilitydesk.domain.model.billing.BillRepository;
import org.utilitydesk.domain.model.billing.BillStatus;

/** Bills through JPA. An EJB so that callers in other modules (the batch jobs) reach this module's persistence unit. */
@Stateless
public class JpaBillRepository implements BillRepository {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public Optional<Bill> find(long id) {
        return Optional.ofNullable(em.find(Bill.class, id));
    }

    @Override
    public List<Long> findIdsFallingOverdue(LocalDate day, long afterId, int max) {
        return em.createNamedQuery("Bill.findIdsFallingOverdue", Long.class)
                .setParameter("open", List.of(BillStatus.ISSUED, BillStatus.PARTIALLY_PAID))
                .setParameter("today", day)
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
