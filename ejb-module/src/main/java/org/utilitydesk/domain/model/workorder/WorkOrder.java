package org.utilitydesk.domain.model.workorder;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A work order (工单). Every change of state goes through {@link #moveTo}, which refuses what the
 * lifecycle forbids and writes the audit event, so no path can skip either.
 */
@Entity
@Table(name = "work_order")
@NamedQuery(name = "WorkOrder.findByOrderNo", query = "SELECT w FROM WorkOrder w WHERE w.orderNo = :orderNo")
@NamedQuery(name = "WorkOrder.findByRequestKey", query = "SELECT w FROM WorkOrder w WHERE w.requestKey = :key")
@NamedQuery(name = "WorkOrder.findByIds", query = "SELECT w FROM WorkOrder w WHERE w.id IN :ids")
@NamedQuery(name = "WorkOrder.findByRequestKeys", query = "SELECT w FROM WorkOrder w WHERE w.requestKey IN :keys")
public class WorkOrder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Ids come in blocks of 50 from id_sequence, so the order number is known before the insert. */
    @Id
    @TableGenerator(name = "workOrderIds", table = "id_sequence", pkColumnName = "name", valueColumnName = "next_value",
            pkColumnValue = "WORK_ORDER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "workOrderIds")
    private Long id;

    @Column(name = "order_no", nullable = false, length = 24)
    private String orderNo;

    @Column(name = "request_key", length = 64)
    private String requestKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false, length = 24)
    private WorkOrderType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private WorkOrderState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "service_area_id")
    private Long serviceAreaId;

    @Column(name = "assigned_department_id")
    private Long assignedDepartmentId;

    /** The crew member who took the job (接单); null until someone does, cleared when it goes elsewhere. */
    @Column(name = "assigned_user_id")
    private Long assignedUserId;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(columnDefinition = "TEXT")
    private String description;

    @Column(length = 255)
    private String address;

    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    /**
     * The deadline the SLA clock runs to: until work starts, the time to respond (a crew on site, a complaint
     * answered); once it has started, {@link #resolveDueAt}.
     */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    /** The deadline for resolving the order, the clock's target once work has started; null: one deadline only. */
    @Column(name = "resolve_due_at")
    private Instant resolveDueAt;

    /** Set while the order waits on the customer: the SLA clock stands still. */
    @Column(name = "sla_paused_since")
    private Instant slaPausedSince;

    /** Time spent waiting on the customer so far; the deadline has moved by as much. */
    @Column(name = "sla_paused_seconds", nullable = false)
    private long slaPausedSeconds;

    /** When the assignee was warned that 80% of the SLA had passed (once per order). */
    @Column(name = "sla_warned_at")
    private Instant slaWarnedAt;

    /**
     * When the breach of the deadline the clock now runs to was escalated, or a person escalated the order while
     * it ran: that deadline is not escalated again. Cleared when the clock moves on to the resolve deadline.
     */
    @Column(name = "sla_escalated_at")
    private Instant slaEscalatedAt;

    /** 0 = never escalated; each escalation (by a person or on SLA breach) adds one. */
    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "incident_id")
    private Long incidentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<WorkOrderEvent> events = new ArrayList<>();

    protected WorkOrder() {
    }

    /** Opens a new work order; the CREATED event records who opened it and through which channel. */
    public WorkOrder(WorkOrderRequest request, String actor, Instant now) {
        this.requestKey = request.requestKey();
        this.type = Objects.requireNonNull(request.type(), "type");
        this.priority = request.priority() == null ? Priority.NORMAL : request.priority();
        this.channel = Objects.requireNonNull(request.channel(), "channel");
        this.customerId = request.customerId();
        this.accountId = request.accountId();
        this.serviceAreaId = request.serviceAreaId();
        this.subject = request.subject();
        this.description = request.description();
        this.address = request.address();
        this.contactPhone = request.contactPhone();
        this.state = WorkOrderState.NEW;
        this.createdAt = now;
        this.createdBy = actor;
        events.add(new WorkOrderEvent(this, "CREATED", null, WorkOrderState.NEW, actor, channel, null, now));
    }

    /** Assigns the order a number derived from its id; called once the id is known. */
    public void assignNumber() {
        if (orderNo == null) {
            orderNo = "GD" + DAY.format(createdAt.atZone(ZONE)) + String.format("%08d", id);
        }
    }

    /** Dispatches a new order to a department or crew with one SLA deadline (no separate one for resolving). */
    public void dispatch(long departmentId, String departmentName, Instant slaDue, String actor, Instant now) {
        dispatch(departmentId, departmentName, slaDue, null, actor, now);
    }

    /**
     * Dispatches a new order to a department or crew with its SLA deadlines: to respond ({@code respondDue}, which
     * the clock runs to until work starts) and to resolve ({@code resolveDue}, after that; null for none).
     */
    public void dispatch(long departmentId, String departmentName, Instant respondDue, Instant resolveDue, String actor,
                         Instant now) {
        moveTo(WorkOrderState.DISPATCHED, "DISPATCHED", actor, Channel.SYSTEM, departmentName, now);
        if (!Objects.equals(assignedDepartmentId, departmentId)) {
            assignedUserId = null;
        }
        this.assignedDepartmentId = departmentId;
        this.slaDueAt = respondDue;
        this.resolveDueAt = resolveDue;
        this.slaWarnedAt = null;
        this.slaEscalatedAt = null;
        this.dispatchedAt = now;
    }

    /**
     * A member of the assigned crew takes the job; true if they took it now, false if it was theirs already.
     * Whether someone else holds it is the caller's to check (it knows the names).
     */
    public boolean accept(long userId, String actor, Channel via, Instant now) {
        if (state != WorkOrderState.DISPATCHED && state != WorkOrderState.IN_PROGRESS) {
            throw new IllegalTransitionException(orderNo, state, "ACCEPT");
        }
        if (Objects.equals(assignedUserId, userId)) {
            return false;
        }
        assignedUserId = userId;
        events.add(new WorkOrderEvent(this, "ACCEPTED", state, state, actor, via, null, now));
        return true;
    }

    /** A photo of the job was added (its file name is the note); not on a closed or cancelled order. */
    public void photoAdded(String fileName, String actor, Channel via, Instant now) {
        if (state.isTerminal() || state == WorkOrderState.NEW) {
            throw new IllegalTransitionException(orderNo, state, "PHOTO");
        }
        events.add(new WorkOrderEvent(this, "PHOTO", state, state, actor, via, fileName, now));
    }

    /**
     * The assignee starts work (the crew is on site, the complaint answered): the response was in time or not, and
     * from now on the clock runs to the deadline for resolving, warning again at 80% of it.
     */
    public void start(String actor, Channel via, String note, Instant now) {
        moveTo(WorkOrderState.IN_PROGRESS, "STARTED", actor, via, note, now);
        if (resolveDueAt != null && (slaDueAt == null || resolveDueAt.isAfter(slaDueAt))) {
            slaDueAt = resolveDueAt;
            slaWarnedAt = null;
            slaEscalatedAt = null;
        }
    }

    /** The request is dealt with; a paused SLA clock stops for good. */
    public void resolve(String actor, Channel via, String note, Instant now) {
        moveTo(WorkOrderState.RESOLVED, "RESOLVED", actor, via, note, now);
        endPause(now);
    }

    public void close(String actor, Channel via, String note, Instant now) {
        moveTo(WorkOrderState.CLOSED, "CLOSED", actor, via, note, now);
    }

    /** The customer says it is not fixed: back to work. */
    public void reopen(String actor, Channel via, String reason, Instant now) {
        requireNote(reason, "REOPEN");
        moveTo(WorkOrderState.IN_PROGRESS, "REOPENED", actor, via, reason, now);
    }

    public void cancel(String actor, Channel via, String reason, Instant now) {
        requireNote(reason, "CANCEL");
        moveTo(WorkOrderState.CANCELLED, "CANCELLED", actor, via, reason, now);
        endPause(now);
    }

    /** Raises the order to the next level (a supervisor, then the department head); the state stays. */
    public void escalate(String actor, Channel via, String reason, Instant now) {
        requireOpen("ESCALATE");
        escalationLevel++;
        slaEscalatedAt = now;
        events.add(new WorkOrderEvent(this, "ESCALATED", state, state, actor, via, reason, now));
    }

    /** The outbox delivered (or gave up on) a notification about the order: {@code what} says which, to whom, how. */
    public void notificationSent(String eventType, String what, Instant now) {
        events.add(new WorkOrderEvent(this, eventType, state, state, "outbox", Channel.SYSTEM, what, now));
    }

    public void note(String actor, Channel via, String text, Instant now) {
        requireNote(text, "NOTE");
        events.add(new WorkOrderEvent(this, "NOTE", state, state, actor, via, text, now));
    }

    /** The order waits on the customer (an appointment, a document): the SLA clock pauses. */
    public void awaitCustomer(String actor, Channel via, String note, Instant now) {
        requireOpen("AWAIT_CUSTOMER");
        if (slaPausedSince != null || state == WorkOrderState.NEW) {
            throw new IllegalTransitionException(orderNo, state, "AWAIT_CUSTOMER");
        }
        slaPausedSince = now;
        events.add(new WorkOrderEvent(this, "SLA_PAUSED", state, state, actor, via, note, now));
    }

    /** The customer has answered: the SLA clock runs again and the deadline moves by the time waited. */
    public void customerResponded(String actor, Channel via, String note, Instant now) {
        if (slaPausedSince == null) {
            throw new IllegalTransitionException(orderNo, state, "CUSTOMER_RESPONDED");
        }
        endPause(now);
        events.add(new WorkOrderEvent(this, "SLA_RESUMED", state, state, actor, via, note, now));
    }

    private void endPause(Instant now) {
        if (slaPausedSince != null) {
            long waited = Math.max(0, now.getEpochSecond() - slaPausedSince.getEpochSecond());
            slaPausedSeconds += waited;
            if (slaDueAt != null) {
                slaDueAt = slaDueAt.plusSeconds(waited);
            }
            if (resolveDueAt != null) {
                resolveDueAt = resolveDueAt.plusSeconds(waited);
            }
            slaPausedSince = null;
        }
    }

    /** Where the order stands against its SLA at {@code now}. */
    public SlaStatus slaStatus(Instant now) {
        return SlaStatus.of(state, dispatchedAt, slaDueAt, slaPausedSince, slaPausedSeconds, now);
    }

    /** Records the 80% warning if it is due and was not given yet; true if it was recorded now. */
    public boolean warnIfAtRisk(Instant now) {
        if (slaWarnedAt != null || slaStatus(now) != SlaStatus.AT_RISK) {
            return false;
        }
        slaWarnedAt = now;
        events.add(new WorkOrderEvent(this, "SLA_WARNING", state, state, "sla-watch", Channel.SYSTEM,
                "80% of the SLA has passed; due " + slaDueAt, now));
        return true;
    }

    /**
     * Escalates a breached order to the supervisor, once per deadline (the response, then the fix); true if it was
     * escalated now. An order a person has escalated while this deadline ran is not escalated again for it.
     */
    public boolean escalateIfBreached(Instant now) {
        if (slaStatus(now) != SlaStatus.BREACHED || slaEscalatedAt != null) {
            return false;
        }
        escalationLevel++;
        slaEscalatedAt = now;
        events.add(new WorkOrderEvent(this, "SLA_BREACHED", state, state, "sla-watch", Channel.SYSTEM,
                "SLA deadline " + slaDueAt + " passed; escalated to the supervisor", now));
        return true;
    }

    /** Files the order under an incident (many reports of one fault in one area). */
    public void joinIncident(long incident, String incidentNo, Instant now) {
        if (incidentId == null) {
            incidentId = incident;
            events.add(new WorkOrderEvent(this, "INCIDENT", state, state, "router", Channel.SYSTEM, incidentNo, now));
        }
    }

    private void requireOpen(String action) {
        if (state.isTerminal() || state == WorkOrderState.RESOLVED) {
            throw new IllegalTransitionException(orderNo, state, action);
        }
    }

    private void requireNote(String text, String action) {
        if (text == null || text.isBlank()) {
            throw new MissingNoteException(action);
        }
    }

    /** Moves to {@code target} if the lifecycle allows it, recording the transition. */
    public void moveTo(WorkOrderState target, String eventType, String actor, Channel via, String note, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(orderNo, state, target);
        }
        events.add(new WorkOrderEvent(this, eventType, state, target, actor, via, note, now));
        state = target;
        switch (target) {
            case RESOLVED -> resolvedAt = now;
            case CLOSED, CANCELLED -> closedAt = now;
            default -> { }
        }
    }

    public Long getId() {
        return id;
    }

    public String getOrderNo() {
        return orderNo;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public WorkOrderType getType() {
        return type;
    }

    public Priority getPriority() {
        return priority;
    }

    public WorkOrderState getState() {
        return state;
    }

    public Channel getChannel() {
        return channel;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getServiceAreaId() {
        return serviceAreaId;
    }

    public Long getAssignedDepartmentId() {
        return assignedDepartmentId;
    }

    public Long getAssignedUserId() {
        return assignedUserId;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public String getAddress() {
        return address;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public Instant getResolveDueAt() {
        return resolveDueAt;
    }

    public Instant getSlaPausedSince() {
        return slaPausedSince;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<WorkOrderEvent> getEvents() {
        return Collections.unmodifiableList(events);
    }
}
