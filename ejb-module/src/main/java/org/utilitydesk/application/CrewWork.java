package org.utilitydesk.application;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderPhoto;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * A field crew's work: the orders dispatched to their crew, taking one (接单), working it, adding notes and
 * photos, resolving it with what was done. A crew member sees and touches their own crew's orders only;
 * anyone else's is "no such order". Every step is in the order's history with channel CREW.
 */
public interface CrewWork {

    /** What a crew member may do to an order besides accepting it and adding photos. */
    Set<WorkOrderService.Action> CREW_ACTIONS = EnumSet.of(WorkOrderService.Action.START, WorkOrderService.Action.NOTE,
            WorkOrderService.Action.AWAIT_CUSTOMER, WorkOrderService.Action.CUSTOMER_RESPONDED, WorkOrderService.Action.RESOLVE);

    /** A login on a crew. */
    record Member(long userId, String login, String displayName, long crewId, String crewName) {
    }

    /** One of the crew's orders as the list shows it: where to go, whom to call, how long is left, who took it. */
    record Job(String orderNo, WorkOrderType type, Priority priority, WorkOrderState state, String subject,
               String address, String contactPhone, Instant createdAt, Instant slaDueAt, SlaStatus sla,
               String acceptedBy, int photos) {
    }

    /** A photo and the file holding its bytes. */
    record StoredPhoto(WorkOrderPhoto photo, Path file) {
    }

    /** The crew member with this login; empty if the login is not on a crew (or disabled). */
    Optional<Member> member(String login);

    /** The crew's open orders, most urgent first, then the ones resolved in the last day (closed since or not). At most 200. */
    List<Job> jobs(Member member);

    /** One of the crew's orders with its history; empty if there is none such or it is another crew's. */
    Optional<WorkOrder> order(Member member, String orderNo);

    /** Who took the order, by login; null while nobody has. */
    String acceptedBy(WorkOrder order);

    /**
     * The member takes the order. Taking it again is harmless; an order a colleague took is refused with
     * {@link TakenException} naming them.
     */
    Optional<WorkOrder> accept(Member member, String orderNo);

    /**
     * Does one of {@link #CREW_ACTIONS}. Starting work takes the order if nobody has; resolving needs a note
     * saying what was done. The lifecycle's refusals are as for everyone else.
     */
    Optional<WorkOrder> act(Member member, String orderNo, WorkOrderService.Action action, String note);

    /**
     * Adds a photo (JPEG or PNG, at most 10 MB, checked by its first bytes as well as its name; refused with
     * {@link org.utilitydesk.domain.model.file.AttachmentRejectedException} under {@code workorder.photo}).
     */
    Optional<WorkOrderPhoto> addPhoto(Member member, String orderNo, String fileName, byte[] content);

    List<WorkOrderPhoto> photos(WorkOrder order);

    /** A photo of the order and where its bytes are; empty if either does not exist. For staff and the order's crew. */
    Optional<StoredPhoto> photo(WorkOrder order, long photoId);

    /** A colleague has the order already. */
    @jakarta.ejb.ApplicationException(rollback = true)
    class TakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String by;

        public TakenException(String orderNo, String by) {
            super(orderNo + " was taken by " + by);
            this.by = by;
        }

        public String by() {
            return by;
        }
    }
}
