package org.utilitydesk.application;

import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.workorder.Incident;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/** Incidents: one fault behind many reports from an area. */
public interface IncidentService {

    Optional<Incident> find(String incidentNo);

    /** The incident's number, for showing on its reports. */
    String numberOf(long incidentId);

    /** The work orders folded under the incident, oldest first. */
    List<WorkOrder> reports(long incidentId);

    /**
     * Resolves the incident and, with it, every report under it that is still open; each reporting
     * customer is told, and the area's announcement ends. Resolving twice changes nothing more.
     */
    Optional<Incident> resolve(String incidentNo, String note, String actor);
}
