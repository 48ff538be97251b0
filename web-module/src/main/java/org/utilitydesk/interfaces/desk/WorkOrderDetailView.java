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

    private String orderNo;
    private WorkOrderView order;
    private WorkOrderService.Action action;
    private String note;

    /** Loads the order named in the address ({@code ?no=GD…}). */
    public void load() {
        order = orderNo == null ? null : orders.find(orderNo).orElse(null);
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
            order = orders.act(order.orderNo(), action, note, user.getUser(), Channel.DESK).orElse(order);
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
        this.orderNo = orderNo == null || orderNo.length() > 24 ? null : orderNo.strip();
    }

    public WorkOrderView getOrder() {
        return order;
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
