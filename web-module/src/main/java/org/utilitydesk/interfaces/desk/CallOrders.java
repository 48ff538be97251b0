package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.application.CallRouting.OfferedCall;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.WorkOrderType;
import org.utilitydesk.interfaces.facade.NewWorkOrder;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.facade.WorkOrderView;

/**
 * The work orders of the call on the desk: a new one for the caller, or what the caller says added to one of their open
 * orders. The fields belong to the call: a new call (or the caller linked to a customer) starts them again.
 */
@Named
@ViewScoped
public class CallOrders implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CallOrders.class.getName());

    @Inject
    private AgentDesk desk;

    @Inject
    private WorkOrderFacade workOrders;

    @Inject
    private CurrentUser currentUser;

    private final OrderForm form = new OrderForm(WorkOrderType.FAULT_REPAIR);
    private String createdOrderNo;
    private String updateOrderNo;
    private String updateNote;
    /** The last update made from this call (order and text): a second click on the same one adds nothing. */
    private String lastUpdate;
    /** The call and customer the fields are for. */
    private long callId;
    private Long customerId;

    /** Starts the fields again when the call or its customer changed since they were filled. */
    private void follow() {
        OfferedCall call = desk.getCall();
        CustomerService.Overview customer = desk.getCustomer();
        long nowCall = call == null ? 0 : call.callId();
        Long nowCustomer = customer == null ? null : customer.customerId();
        if (nowCall != callId) {
            callId = nowCall;
            customerId = nowCustomer;
            form.clear(customer);
            createdOrderNo = null;
            updateOrderNo = firstOpenOrder(customer);
            updateNote = null;
            lastUpdate = null;
        } else if (!java.util.Objects.equals(nowCustomer, customerId)) {
            customerId = nowCustomer;
            form.setAccountNumber(customer == null || customer.accounts().isEmpty() ? null : customer.accounts().get(0).accountNumber());
            updateOrderNo = firstOpenOrder(customer);
        }
    }

    private static String firstOpenOrder(CustomerService.Overview customer) {
        return customer == null || customer.openOrders().isEmpty() ? null : customer.openOrders().get(0).orderNo();
    }

    /**
     * Opens a work order for the caller through the same service every channel uses. One per call and type:
     * a second click (or a stale page) finds the order already opened.
     */
    public void create() {
        follow();
        OfferedCall call = desk.getCall();
        if (call == null) {
            return;
        }
        if (!form.hasSubject()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "desk.orderSubjectRequired");
            return;
        }
        String phone = call.callerNumber() != null && call.callerNumber().matches("\\+?\\d{5,20}") ? call.callerNumber() : null;
        try {
            WorkOrderView order = workOrders.open(new NewWorkOrder("call-" + call.callId() + "-" + form.getType().name(),
                    form.getType(), null, form.getAccountNumber(), form.getSubject().strip(), form.getDescription(), phone),
                    Channel.DESK, currentUser.getUser());
            createdOrderNo = order.orderNo();
            FacesText.message(FacesMessage.SEVERITY_INFO, "desk.orderCreated", order.orderNo());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work order from call " + call.callId() + " not opened", e);
            FacesText.message(FacesMessage.SEVERITY_ERROR, "desk.orderFailed");
        }
    }

    /**
     * Adds what the caller says to one of their open orders, marked with this call. An order that waits on
     * the customer (its SLA clock paused) runs again: the caller has answered.
     */
    public void update() {
        follow();
        OfferedCall call = desk.getCall();
        CustomerService.Overview customer = desk.getCustomer();
        if (call == null || customer == null) {
            return;
        }
        Optional<CustomerService.OrderLine> order = customer.openOrders().stream()
                .filter(o -> o.orderNo().equals(updateOrderNo)).findFirst();
        if (order.isEmpty()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "desk.updateOrderChoose");
            return;
        }
        if (updateNote == null || updateNote.isBlank()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "desk.updateNoteRequired");
            return;
        }
        String orderNo = order.get().orderNo();
        String note = updateNote.strip();
        if ((orderNo + "\n" + note).equals(lastUpdate)) {
            FacesText.message(FacesMessage.SEVERITY_INFO, "desk.orderUpdated", orderNo);
            return;
        }
        WorkOrderService.Action action = "PAUSED".equals(order.get().slaStatus())
                ? WorkOrderService.Action.CUSTOMER_RESPONDED : WorkOrderService.Action.NOTE;
        try {
            workOrders.act(orderNo, action, FacesText.text("desk.fromCall", String.valueOf(call.callId())) + " " + note,
                    currentUser.getUser(), Channel.DESK);
            lastUpdate = orderNo + "\n" + note;
            FacesText.message(FacesMessage.SEVERITY_INFO, action == WorkOrderService.Action.CUSTOMER_RESPONDED
                    ? "desk.orderResumed" : "desk.orderUpdated", orderNo);
            desk.reloadCustomer();
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    WorkOrderRefusals.explain(e, action.name(), orderNo, FacesText.bundle()), null));
        }
    }

    public OrderForm getForm() {
        follow();
        return form;
    }

    public String getCreatedOrderNo() {
        follow();
        return createdOrderNo;
    }

    public String getUpdateOrderNo() {
        follow();
        return updateOrderNo;
    }

    public void setUpdateOrderNo(String updateOrderNo) {
        this.updateOrderNo = updateOrderNo;
    }

    public String getUpdateNote() {
        follow();
        return updateNote;
    }

    public void setUpdateNote(String updateNote) {
        this.updateNote = updateNote;
    }
}
