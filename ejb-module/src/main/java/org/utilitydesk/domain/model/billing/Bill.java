package org.utilitydesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A monthly bill statement of one account. */
@Entity
@Table(name = "bill")
@NamedQuery(name = "Bill.findIdsFallingOverdue",
        query = "SELECT b.id FROM Bill b WHERE b.status IN :open AND b.dueDate < :today AND b.id > :after ORDER BY b.id")
@NamedQuery(name = "Bill.findByAccount",
        query = "SELECT b FROM Bill b WHERE b.accountId = :accountId ORDER BY b.period DESC")
public class Bill {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "bill_no", nullable = false, length = 24)
    private String billNo;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    /** Billing month as YYYY-MM. */
    @Column(nullable = false, length = 7)
    private String period;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "usage_units", nullable = false, precision = 12, scale = 2)
    private BigDecimal usageUnits;

    @Column(name = "amount_total", nullable = false, precision = 12, scale = 2)
    private BigDecimal amountTotal;

    @Column(name = "amount_paid", nullable = false, precision = 12, scale = 2)
    private BigDecimal amountPaid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BillStatus status;

    @Version
    private long version;

    protected Bill() {
    }

    /** Marks the bill overdue when it is still unpaid after its due date; returns whether it changed. */
    public boolean markOverdueIfPastDue(LocalDate today) {
        if ((status == BillStatus.ISSUED || status == BillStatus.PARTIALLY_PAID) && dueDate.isBefore(today)) {
            status = BillStatus.OVERDUE;
            return true;
        }
        return false;
    }

    public BigDecimal amountDue() {
        return amountTotal.subtract(amountPaid);
    }

    public Long getId() {
        return id;
    }

    public String getBillNo() {
        return billNo;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getUsageUnits() {
        return usageUnits;
    }

    public BigDecimal getAmountTotal() {
        return amountTotal;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public BillStatus getStatus() {
        return status;
    }
}
