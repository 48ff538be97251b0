package org.utilitydesk.domain.model.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** One line of a work order's audit trail: who did what, when, from which channel. */
@Entity
@Table(name = "work_order_event")
public class WorkOrderEvent {

    /**
     * Ids come in blocks from id_sequence, not from AUTO_INCREMENT: an IDENTITY id is known only after its own INSERT,
     * so events were written one statement (and one id read) at a time; these go with the rest of a transaction's
     * rows as one batch. Whatever inserts events must take its ids from here too (persist the entity), or the
     * column's AUTO_INCREMENT would hand out ids of a block already given away.
     */
    @Id
    @TableGenerator(name = "workOrderEventIds", table = "id_sequence", pkColumnName = "name", valueColumnName = "next_value",
            pkColumnValue = "WORK_ORDER_EVENT", allocationSize = 200)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "workOrderEventIds")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id")
    private WorkOrder workOrder;

    @Column(name = "event_type", nullable = false, length = 24)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 16)
    private WorkOrderState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 16)
    private WorkOrderState toState;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(columnDefinition = "TEXT")
    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected WorkOrderEvent() {
    }

    WorkOrderEvent(WorkOrder workOrder, String eventType, WorkOrderState from, WorkOrderState to, String actor,
                   Channel channel, String note, Instant occurredAt) {
        this.workOrder = workOrder;
        this.eventType = eventType;
        this.fromState = from;
        this.toState = to;
        this.actor = actor;
        this.channel = channel;
        this.note = note;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public String getEventType() {
        return eventType;
    }

    public WorkOrderState getFromState() {
        return fromState;
    }

    public WorkOrderState getToState() {
        return toState;
    }

    public String getActor() {
        return actor;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getNote() {
        return note;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
