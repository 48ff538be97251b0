package org.utilitydesk.interfaces.crew;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.interfaces.desk.FacesText;
import org.utilitydesk.interfaces.desk.UploadedContent;
import org.utilitydesk.interfaces.desk.WorkOrderRefusals;
import org.utilitydesk.interfaces.facade.CrewFacade;
import org.utilitydesk.interfaces.facade.CrewOrderView;

/**
 * One of the crew's orders (crew/order.xhtml?no=…): take it, start, note, wait on the customer, resolve with
 * what was done, add photos. A refusal (a colleague took it, the order moved on, a photo that is not one)
 * is explained and the order shown as it is now. Another crew's order is "not found".
 */
@Named
@ViewScoped
public class CrewOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CrewOrderPage.class.getName());

    @Inject
    private CrewFacade crews;

    private String orderNo;
    private CrewWork.Member member;
    private CrewOrderView order;
    private String note;
    private transient UploadedFile upload;

    /** Loads the order named in the address. */
    public void load() {
        member = crews.member(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser()).orElse(null);
        order = member == null || orderNo == null ? null : crews.order(member, orderNo).orElse(null);
    }

    public void accept() {
        run("ACCEPT", () -> crews.accept(member, orderNo), "crew.accepted");
    }

    /** One of the crew's lifecycle actions, with the note typed (resolving needs one). */
    public void act(WorkOrderService.Action action) {
        if (run(action.name(), () -> crews.act(member, orderNo, action, note), "wo.done")) {
            note = null;
        }
    }

    public void addPhoto() {
        if (upload == null || upload.getFileName() == null || upload.getFileName().isBlank()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "crew.choosePhoto");
            return;
        }
        try {
            String name = upload.getFileName();
            UploadedFile file = upload;
            run("PHOTO", () -> crews.addPhoto(member, orderNo, name, UploadedContent.of(file, "workorder.photo"))
                    .flatMap(p -> crews.order(member, orderNo)), "crew.photoAdded");
        } finally {
            upload = null;
        }
    }

    /** Runs a step; true if it was done. The page shows the order as it is afterwards either way. */
    private boolean run(String action, Supplier<Optional<CrewOrderView>> step, String doneKey) {
        if (member == null || order == null) {
            return false;
        }
        try {
            Optional<CrewOrderView> after = step.get();
            if (after.isEmpty()) {
                order = null;
                return false;
            }
            order = after.get();
            FacesText.message(FacesMessage.SEVERITY_INFO, doneKey, FacesText.label("wo.action.", action));
            return true;
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    WorkOrderRefusals.explain(e, action, orderNo, FacesText.bundle()), null));
            LOG.fine(() -> member.login() + ": " + action + " on " + orderNo + " refused: " + e);
            load();
            return false;
        }
    }

    public Long getMinutesLeft() {
        return order == null ? null : SlaStatus.minutesLeft(SlaStatus.valueOf(order.order().slaStatus()),
                order.order().slaDueAt(), Instant.now());
    }

    /** Whether the action fits the order's state; buttons that would only be refused are not shown. */
    public boolean may(String what) {
        if (order == null) {
            return false;
        }
        String state = order.order().state();
        boolean open = state.equals("DISPATCHED") || state.equals("IN_PROGRESS");
        boolean paused = "PAUSED".equals(order.order().slaStatus());
        return switch (what) {
            case "ACCEPT" -> open && order.order().acceptedBy() == null;
            case "START" -> state.equals("DISPATCHED");
            case "NOTE", "PHOTO" -> open || state.equals("RESOLVED");
            case "AWAIT_CUSTOMER" -> open && !paused;
            case "CUSTOMER_RESPONDED" -> paused;
            case "RESOLVE" -> state.equals("IN_PROGRESS");
            default -> false;
        };
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        this.orderNo = orderNo == null || orderNo.isBlank() || orderNo.length() > 24 ? null : orderNo.strip();
    }

    public CrewWork.Member getMember() {
        return member;
    }

    public CrewOrderView getOrder() {
        return order;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }
}
