package org.utilitydesk.domain.model.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One fault behind many reports: fault reports from the same service area within a short window fold
 * under it, and resolving it resolves them all.
 */
@Entity
@Table(name = "incident")
@NamedQuery(name = "Incident.findByNo", query = "SELECT i FROM Incident i WHERE i.incidentNo = :no")
@NamedQuery(name = "Incident.openInArea",
        query = "SELECT i FROM Incident i WHERE i.serviceAreaId = :area AND i.state = 'OPEN' ORDER BY i.openedAt DESC")
public class Incident {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "incident_no", nullable = false, length = 24)
    private String incidentNo;

    @Column(name = "service_area_id", nullable = false)
    private long serviceAreaId;

    @Column(name = "fault_type", nullable = false, length = 32)
    private String faultType;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(nullable = false, length = 255)
    private String summary;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(nullable = false)
    private int reports;

    @Version
    private long version;

    protected Incident() {
    }

    public Incident(long serviceAreaId, String faultType, String summary, Instant now) {
        this.serviceAreaId = serviceAreaId;
        this.faultType = faultType;
        this.summary = summary.length() <= 255 ? summary : summary.substring(0, 255);
        this.state = "OPEN";
        this.openedAt = now;
        this.incidentNo = "PENDING";
    }

    /** Numbers the incident from its id once it has one: GZ + day + 6 digits. */
    public void assignNumber() {
        incidentNo = "GZ" + DAY.format(openedAt.atZone(BusinessCalendar.ZONE)) + String.format("%06d", id);
    }

    public void reported() {
        reports++;
    }

    /** Resolves the incident once; false if it was resolved already. */
    public boolean resolve(Instant now) {
        if (!isOpen()) {
            return false;
        }
        state = "RESOLVED";
        resolvedAt = now;
        return true;
    }

    public boolean isOpen() {
        return "OPEN".equals(state);
    }

    public Long getId() {
        return id;
    }

    public String getIncidentNo() {
        return incidentNo;
    }

    public long getServiceAreaId() {
        return serviceAreaId;
    }

    public String getFaultType() {
        return faultType;
    }

    public String getState() {
        return state;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public int getReports() {
        return reports;
    }
}
