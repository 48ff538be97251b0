package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/** A crew member's orders for their page and the crew API; each call one transaction. */
@Stateless
public class CrewFacade {

    @Inject
    private CrewWork crews;

    @Inject
    private WorkOrderFacade orders;

    public Optional<CrewWork.Member> member(String login) {
        return crews.member(login);
    }

    public List<CrewWork.Job> jobs(CrewWork.Member member) {
        return crews.jobs(member);
    }

    public Optional<CrewOrderView> order(CrewWork.Member member, String orderNo) {
        return crews.order(member, orderNo).map(this::view);
    }

    public Optional<CrewOrderView> accept(CrewWork.Member member, String orderNo) {
        return crews.accept(member, orderNo).map(this::view);
    }

    public Optional<CrewOrderView> act(CrewWork.Member member, String orderNo, WorkOrderService.Action action, String note) {
        return crews.act(member, orderNo, action, note).map(this::view);
    }

    public Optional<WorkOrderView.Photo> addPhoto(CrewWork.Member member, String orderNo, String fileName, byte[] content) {
        return crews.addPhoto(member, orderNo, fileName, content).map(WorkOrderView.Photo::of);
    }

    /** A photo of one of the crew's orders; empty if the order is not theirs or has no such photo. */
    public Optional<CrewWork.StoredPhoto> photo(CrewWork.Member member, String orderNo, long photoId) {
        return crews.order(member, orderNo).flatMap(o -> crews.photo(o, photoId));
    }

    private CrewOrderView view(WorkOrder o) {
        return new CrewOrderView(orders.view(o), o.getDescription(), o.getAddress(), o.getContactPhone());
    }
}
