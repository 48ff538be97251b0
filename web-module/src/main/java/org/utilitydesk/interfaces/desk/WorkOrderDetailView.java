package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.interfaces.facade.WorkOrderDetail;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.facade.WorkOrderView;

/**
 * One work order with its whole history, and the actions the person may take on it. A refused action
 * (the order moved on meanwhile, or a note is missing) is explained and changes nothing.
 */
@Named
@ViewScoped
public class WorkOrderDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkOrderFacade orders;

    @Inject
    private CurrentUser user;

    /** Order numbers are letters and digits, at most as long as the column that holds them. */
    private static final int MAX_NO_LENGTH = 24;
    private static final java.util.regex.Pattern PLAUSIBLE_NO = java.util.regex.Pattern.compile("\\s*[A-Za-z0-9-]{1,24}\\s*");

    private String orderNo;
    /** The order number the address named, as shown when there is no such order; null when it named none. */
    private String problem;
    private WorkOrderView order;
    private WorkOrderDetail detail;
    private WorkOrderService.Action action;
    private String note;

    /** Loads the order named in the address ({@code ?no=GD…}). */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        order = null;
        detail = null;
        problem = null;
        if (orderNo == null || orderNo.isBlank()) {
            // an address without an order number: the person followed a broken link
            faces.getExternalContext().setResponseStatus(400);
        } else if (!PLAUSIBLE_NO.matcher(orderNo).matches()) {
            faces.getExternalContext().setResponseStatus(404);
            problem = shortened(orderNo);
        } else {
            detail = orders.detail(orderNo.strip()).orElse(null);
            order = detail == null ? null : detail.order();
            if (order == null) {
                faces.getExternalContext().setResponseStatus(404);
                problem = orderNo.strip();
            }
        }
    }

    /**
     * Why there is no order to show, in the page's language (looked up while the page renders: the view action
     * runs before the page's locale is set); null when there is one.
     */
    public String getProblem() {
        if (order != null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        return problem == null ? msg.getString("error.workOrderMissing")
                : msg.getString("error.workOrderNotFound").replace("{0}", problem);
    }

    /** An address's order number shown back in a message: no longer than a real one, with a mark where it was cut. */
    private static String shortened(String text) {
        String plain = text.strip().replaceAll("\\p{C}", "");
        return plain.length() <= MAX_NO_LENGTH ? plain : plain.substring(0, MAX_NO_LENGTH) + "…";
    }

    public void act() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        if (order == null || action == null) {
            return;
        }
        if (action == WorkOrderService.Action.CANCEL && !faces.getExternalContext().isUserInRole("SUPERVISOR")) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, msg.getString("error.forbidden"), null));
            return;
        }
        try {
            orders.act(order.orderNo(), action, note, user.getUser(), Channel.DESK);
            detail = orders.detail(order.orderNo()).orElse(detail);
            order = detail.order();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    msg.getString("wo.done").replace("{0}", msg.getString("wo.action." + action.name())), null));
            note = null;
            action = null;
        } catch (RuntimeException e) {
            // shown with the order as it is now
            refused(faces, WorkOrderRefusals.explain(e, action.name(), order.orderNo(), msg));
        }
    }

    private void refused(FacesContext faces, String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        load();
    }

    public List<WorkOrderService.Action> getActions() {
        return List.of(WorkOrderService.Action.values());
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        // kept as given (a little more than shown), so a wrong one is named in the answer; load() judges it
        this.orderNo = orderNo == null || orderNo.length() <= 100 ? orderNo : orderNo.substring(0, 100);
    }

    public WorkOrderView getOrder() {
        return order;
    }

    public WorkOrderDetail getDetail() {
        return detail;
    }

    /**
     * Where the order stands against its time limit, in the viewer's words: waiting for dispatch (no clock yet), the
     * clock's state and deadline while it runs, or when the work was done and whether that was in time.
     */
    public String getSlaText() {
        if (order == null) {
            return "";
        }
        LocalTimes times = new LocalTimes();
        String state = order.state();
        if ("CANCELLED".equals(state)) {
            return FacesText.text("wo.sla.cancelled", times.minute(detail.closedAt()));
        }
        if (detail.resolvedAt() != null && ("RESOLVED".equals(state) || "CLOSED".equals(state))) {
            boolean late = order.slaDueAt() != null && detail.resolvedAt().isAfter(order.slaDueAt());
            return FacesText.text(order.slaDueAt() == null ? "wo.sla.doneNoLimit" : late ? "wo.sla.doneLate" : "wo.sla.doneInTime",
                    times.minute(detail.resolvedAt()), times.minute(order.slaDueAt()));
        }
        if (detail.dispatchedAt() == null || order.slaDueAt() == null) {
            return FacesText.text("wo.sla.notStarted");
        }
        return FacesText.text("sla." + order.slaStatus()) + " · " + FacesText.text("wo.sla.due", times.minute(order.slaDueAt()));
    }

    public WorkOrderService.Action getAction() {
        return action;
    }

    public void setAction(WorkOrderService.Action action) {
        this.action = action;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
