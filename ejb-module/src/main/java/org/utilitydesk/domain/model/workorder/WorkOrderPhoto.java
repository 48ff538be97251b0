package org.utilitydesk.domain.model.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.utilitydesk.domain.model.file.StoredFile;

/** A photo a crew took of a job (the damaged cable, the repaired meter box); the bytes live on disk. */
@Entity
@Table(name = "work_order_attachment")
@NamedQuery(name = "WorkOrderPhoto.ofOrder",
        query = "SELECT p FROM WorkOrderPhoto p WHERE p.workOrderId = :order ORDER BY p.id")
public class WorkOrderPhoto extends StoredFile {

    @Column(name = "work_order_id", nullable = false)
    private long workOrderId;

    protected WorkOrderPhoto() {
    }

    public WorkOrderPhoto(long workOrderId, String fileName, String contentType, long sizeBytes, String storagePath,
                          String uploadedBy, Instant uploadedAt) {
        super(fileName, contentType, sizeBytes, storagePath, uploadedBy, uploadedAt);
        this.workOrderId = workOrderId;
    }

    public long getWorkOrderId() {
        return workOrderId;
    }
}
