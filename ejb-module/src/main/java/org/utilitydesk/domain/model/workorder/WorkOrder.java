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

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(columnDefinition = "TEXT")
    private String description;

    @Column(length = 255)
    private String address;

    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    @Column(name = "sla_due_at")
    private Instant slaDueAt;

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

    /** Dispatches a new order to a department or crew with its SLA deadline. */
    public void dispatch(long departmentId, String departmentName, Instant slaDue, String actor, Instant now) {
        moveTo(WorkOrderState.DISPATCHED, "DISPATCHED", actor, Channel.SYSTEM, departmentName, now);
        this.assignedDepartmentId = departmentId;
        this.slaDueAt = slaDue;
        this.dispatchedAt = now;
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
