package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.application.BillingService;
import org.utilitydesk.domain.model.customer.EnergyType;
import org.utilitydesk.domain.model.billing.BillStatus;

/**
 * Bill summaries from the bill and payment tables. Read only, so without a transaction of its own (the IVR
 * asks on every call, and a transaction costs three more round trips to the database).
 */
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@Stateless
public class DefaultBillingService implements BillingService {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public Optional<BillSummary> summary(long accountId) {
        Object[] open = em.createQuery("SELECT SUM(b.amountTotal - b.amountPaid), MIN(b.dueDate) FROM Bill b"
                        + " WHERE b.accountId = :account AND b.status IN :open", Object[].class)
                .setParameter("account", accountId)
                .setParameter("open", List.of(BillStatus.ISSUED, BillStatus.PARTIALLY_PAID, BillStatus.OVERDUE))
                .getSingleResult();
        BigDecimal due = open[0] == null ? BigDecimal.ZERO.setScale(2) : (BigDecimal) open[0];
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery(
                "SELECT amount, paid_at FROM payment WHERE account_id = ? ORDER BY paid_at DESC LIMIT 1")
                .setParameter(1, accountId).getResultList();
        BigDecimal lastAmount = last.isEmpty() ? null : (BigDecimal) last.get(0)[0];
        Instant lastAt = last.isEmpty() ? null : SqlValues.instant(last.get(0)[1]);
        if (open[0] == null && last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BillSummary(due, SqlValues.date(open[1]), lastAmount, lastAt));
    }

    @Override
    public Optional<MonthStatement> statement(long accountId, YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT b.usage_units, b.amount_total, b.amount_paid, b.due_date, b.status,"
                        + " a.energy_type FROM bill b JOIN account a ON a.id = b.account_id"
                        + " WHERE b.account_id = ? AND b.period = ? AND b.status <> 'CANCELLED'")
                .setParameter(1, accountId).setParameter(2, month.toString()).getResultList();
        return rows.stream().findFirst().map(r -> new MonthStatement(month, EnergyType.valueOf((String) r[5]), (BigDecimal) r[0],
                (BigDecimal) r[1], (BigDecimal) r[2], SqlValues.date(r[3]), "PAID".equals(r[4])));
    }
}
