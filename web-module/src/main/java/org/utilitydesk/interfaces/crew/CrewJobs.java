package org.utilitydesk.interfaces.crew;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.interfaces.facade.CrewFacade;

/** The crew's list of orders (crew/orders.xhtml): open ones most urgent first, then those resolved today. */
@Named
@RequestScoped
public class CrewJobs {

    @Inject
    private CrewFacade crews;

    @Inject
    private ExternalContext external;

    private CrewWork.Member member;
    private List<CrewWork.Job> jobs;

    @PostConstruct
    void load() {
        member = crews.member(external.getRemoteUser()).orElse(null);
        jobs = member == null ? List.of() : crews.jobs(member);
    }

    /** Null for a CREW login that is not on a crew: the page says to ask the administrator. */
    public CrewWork.Member getMember() {
        return member;
    }

    public List<CrewWork.Job> getJobs() {
        return jobs;
    }

    public Long minutesLeft(CrewWork.Job job) {
        return SlaStatus.minutesLeft(job.sla(), job.slaDueAt(), Instant.now());
    }
}
