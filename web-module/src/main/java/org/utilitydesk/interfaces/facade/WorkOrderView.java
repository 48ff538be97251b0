package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import java.util.List;
import org.utilitydesk.domain.model.workorder.WorkOrderPhoto;

/**
 * A work order with its audit trail and the crew's photos, as the API returns it. {@code acceptedBy} is the
 * crew member who took it (null while nobody has).
 */
public record WorkOrderView(String orderNo, String type, String priority, String state, String channel, String subject,
                            Long assignedDepartmentId, Instant createdAt, Instant slaDueAt, String slaStatus,
                            int escalationLevel, String incidentNo, String acceptedBy, List<Photo> photos,
                            List<Event> events) {

    /** One audit event. */
    public record Event(String type, String fromState, String toState, String actor, String channel, String note,
                        Instant at) {
    }

    /** A photo of the job; its bytes are at {@code /api/work-orders/{orderNo}/photos/{id}}. */
    public record Photo(long id, String fileName, long sizeBytes, String uploadedBy, Instant uploadedAt) {

        public static Photo of(WorkOrderPhoto p) {
            return new Photo(p.getId(), p.getFileName(), p.getSizeBytes(), p.getUploadedBy(), p.getUploadedAt());
        }
    }
}
