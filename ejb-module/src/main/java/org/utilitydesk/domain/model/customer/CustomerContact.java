package org.utilitydesk.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact with a customer recorded by staff outside an ACD call (see {@link ContactChannel}): what was said, and the
 * work order it opened or added to. Written once; the request key makes a repeated submit the same contact.
 */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {

    public static final int MAX_SUMMARY = 2000;

    /** What the contact did to a work order. */
    public enum OrderOutcome {
        OPENED, NOTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_key", nullable = false, length = 64)
    private String requestKey;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ContactChannel channel;

    @Column(nullable = false, length = MAX_SUMMARY)
    private String summary;

    @Column(name = "work_order_no", length = 24)
    private String workOrderNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_outcome", length = 16)
    private OrderOutcome orderOutcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected CustomerContact() {
    }

    public CustomerContact(String requestKey, long customerId, ContactChannel channel, String summary, Instant at, String actor) {
        this.requestKey = Objects.requireNonNull(requestKey);
        this.customerId = customerId;
        this.channel = Objects.requireNonNull(channel);
        this.summary = checkedSummary(summary);
        this.createdAt = Objects.requireNonNull(at);
        this.createdBy = Objects.requireNonNull(actor);
    }

    /** The summary as stored: stripped, not empty, at most {@value #MAX_SUMMARY} characters. */
    public static String checkedSummary(String summary) {
        String text = summary == null ? "" : summary.strip();
        if (text.isEmpty()) {
            throw new ContactRefusedException(ContactRefusedException.Reason.SUMMARY_REQUIRED, "empty summary");
        }
        if (text.codePointCount(0, text.length()) > MAX_SUMMARY || text.length() > MAX_SUMMARY) {
            throw new ContactRefusedException(ContactRefusedException.Reason.SUMMARY_TOO_LONG, text.length() + " characters");
        }
        return text;
    }

    /** Records the order this contact opened or added to. */
    public void concerns(String orderNo, OrderOutcome outcome) {
        this.workOrderNo = Objects.requireNonNull(orderNo);
        this.orderOutcome = Objects.requireNonNull(outcome);
    }

    /** Whether a repeated submit with this key asks for the same thing (else the key was reused for another). */
    public boolean sameAs(long customerId, ContactChannel channel, String summary) {
        return this.customerId == customerId && this.channel == channel && this.summary.equals(summary == null ? null : summary.strip());
    }

    public Long getId() {
        return id;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public long getCustomerId() {
        return customerId;
    }

    public ContactChannel getChannel() {
        return channel;
    }

    public String getSummary() {
        return summary;
    }

    public String getWorkOrderNo() {
        return workOrderNo;
    }

    public OrderOutcome getOrderOutcome() {
        return orderOutcome;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
