package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.CallRouting.AgentView;
import org.utilitydesk.application.CallRouting.Choice;
import org.utilitydesk.application.CallRouting.OfferedCall;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.acd.AgentState;
import org.utilitydesk.domain.model.acd.AgentStateException;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.WorkOrderType;
import org.utilitydesk.interfaces.facade.CustomerFacade;
import org.utilitydesk.interfaces.facade.CustomerRow;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;
import org.utilitydesk.interfaces.facade.NewWorkOrder;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.facade.WorkOrderView;

/**
 * The agent's working screen: their ACD state (ready, not ready with a reason), the call offered or in
 * hand with the customer 360 and knowledge suggestions for the caller's IVR path (the screen-pop, pushed
 * over a websocket), a knowledge search beside it, and the wrap-up form. Opening the page logs the agent in
 * to the ACD on their extension.
 */
@Named
@ViewScoped
public class AgentDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AgentDesk.class.getName());

    @Inject
    private CallRouting routing;

    @Inject
    private CustomerFacade customers;

    @Inject
    private KnowledgeFacade knowledge;

    @Inject
    private LocaleSelection localeSelection;

    @Inject
    private WorkOrderFacade workOrders;

    private AgentView agent;
    private OfferedCall call;
    private CustomerService.Overview customer;
    private KnowledgeSearchView suggestions;
    private KnowledgeSearchView found;
    private List<CustomerRow> customerMatches = List.of();
    private String reason = "BREAK";
    private String disposition;
    private String notes;
    private String question;
    private String customerQuery;
    private WorkOrderType orderType = WorkOrderType.FAULT_REPAIR;
    private String orderAccount;
    private String orderSubject;
    private String orderDescription;
    private String createdOrderNo;
    private String updateOrderNo;
    private String updateNote;
    /** The last update made from this call (order and text): a second click on the same one adds nothing. */
    private String lastUpdate;
    /** The chosen transfer target as KIND:code. */
    private String transferTarget;

    /** Opening the desk logs the agent in (not ready until they say so); a second tab finds them logged in. */
    public void open() {
        try {
            agent = routing.agent(user()).filter(a -> a.state() != AgentState.LOGGED_OUT).orElseGet(() -> routing.login(user()));
            FacesContext.getCurrentInstance().getExternalContext().getSessionMap().put(AgentSessions.AGENT, user());
            refresh();
        } catch (AgentStateException e) {
            refused(e);
        }
    }

    /** Re-reads the state and the call; called when the websocket says something changed. */
    public void refresh() {
        agent = routing.agent(user()).orElse(null);
        OfferedCall now = routing.currentCall(user()).orElse(null);
        boolean newCall = now != null && (call == null || call.callId() != now.callId());
        call = now;
        if (now == null) {
            customer = null;
            suggestions = null;
            return;
        }
        if (newCall) {
            customer = now.customerId() == null ? null : customers.overview(now.customerId()).orElse(null);
            suggestions = knowledge.suggest(null, now.ivrPath(), null, 5, locale());
            disposition = null;
            notes = null;
            orderAccount = customer == null || customer.accounts().isEmpty() ? null : customer.accounts().get(0).accountNumber();
            orderSubject = null;
            orderDescription = null;
            createdOrderNo = null;
            updateOrderNo = customer == null || customer.openOrders().isEmpty() ? null : customer.openOrders().get(0).orderNo();
            updateNote = null;
            lastUpdate = null;
        }
    }

    public void ready() {
        act(() -> agent = routing.ready(user()));
    }

    public void notReady() {
        act(() -> agent = routing.notReady(user(), reason));
    }

    public String logout() {
        try {
            routing.logout(user());
            return "/index?faces-redirect=true";
        } catch (AgentStateException e) {
            refused(e);
            return null;
        }
    }

    public void wrapUp() {
        if (call == null) {
            return;
        }
        long callId = call.callId();
        act(() -> {
            agent = routing.wrapUp(user(), callId, disposition, notes);
            message(FacesMessage.SEVERITY_INFO, "desk.wrappedUp");
            call = null;
            refresh();
        });
    }

    /** Call controls: the telephone system acts on the agent's leg of the call (see {@link CallRouting#hold}). */
    public void hold() {
        act(() -> {
            agent = routing.hold(user());
            refresh();
        });
    }

    public void resume() {
        act(() -> {
            agent = routing.resume(user());
            refresh();
        });
    }

    public void hangUp() {
        act(() -> {
            agent = routing.hangUp(user());
            message(FacesMessage.SEVERITY_INFO, "desk.hungUp");
        });
    }

    /** Blind transfer to the chosen line, expert group or colleague. */
    public void transfer() {
        int colon = transferTarget == null ? -1 : transferTarget.indexOf(':');
        CallRouting.TransferKind kind;
        try {
            kind = colon < 0 ? null : CallRouting.TransferKind.valueOf(transferTarget.substring(0, colon));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            message(FacesMessage.SEVERITY_WARN, "validation.acd.transferTarget");
            return;
        }
        CallRouting.TransferKind chosen = kind;
        act(() -> {
            agent = routing.transfer(user(), chosen, transferTarget.substring(colon + 1));
            message(FacesMessage.SEVERITY_INFO, "desk.transferred");
        });
    }

    /** Where the caller can be transferred now; empty while the agent is not talking. */
    public List<CallRouting.TransferTarget> getTransferTargets() {
        if (!isTalking()) {
            return List.of();
        }
        try {
            return routing.transferTargets(user());
        } catch (AgentStateException e) {
            return List.of();
        }
    }

    public String targetName(CallRouting.TransferTarget target) {
        return FacesText.text("desk.transfer." + target.kind().name()) + " · "
                + ("en".equals(locale().getLanguage()) ? target.nameEn() : target.nameZh());
    }

    public boolean isTalking() {
        return call != null && agent != null && agent.state() == AgentState.ON_CALL;
    }

    public String getTransferTarget() {
        return transferTarget;
    }

    public void setTransferTarget(String transferTarget) {
        this.transferTarget = transferTarget;
    }

    /**
     * Opens a work order for the caller through the same service every channel uses. One per call and type:
     * a second click (or a stale page) finds the order already opened.
     */
    public void createOrder() {
        if (call == null) {
            return;
        }
        if (orderSubject == null || orderSubject.isBlank()) {
            message(FacesMessage.SEVERITY_WARN, "desk.orderSubjectRequired");
            return;
        }
        String phone = call.callerNumber() != null && call.callerNumber().matches("\\+?\\d{5,20}") ? call.callerNumber() : null;
        try {
            WorkOrderView order = workOrders.open(new NewWorkOrder("call-" + call.callId() + "-" + orderType.name(), orderType, null,
                    orderAccount, orderSubject.strip(), orderDescription, phone), Channel.DESK, user());
            createdOrderNo = order.orderNo();
            FacesContext faces = FacesContext.getCurrentInstance();
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("desk.orderCreated");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    new java.text.MessageFormat(text, locale()).format(new Object[] {order.orderNo()}), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work order from call " + call.callId() + " not opened", e);
            message(FacesMessage.SEVERITY_ERROR, "desk.orderFailed");
        }
    }

    /**
     * Adds what the caller says to one of their open orders, marked with this call. An order that waits on
     * the customer (its SLA clock paused) runs again: the caller has answered.
     */
    public void updateOrder() {
        if (call == null || customer == null) {
            return;
        }
        Optional<CustomerService.OrderLine> order = customer.openOrders().stream()
                .filter(o -> o.orderNo().equals(updateOrderNo)).findFirst();
        if (order.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "desk.updateOrderChoose");
            return;
        }
        if (updateNote == null || updateNote.isBlank()) {
            message(FacesMessage.SEVERITY_WARN, "desk.updateNoteRequired");
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
            workOrders.act(orderNo, action, FacesText.text("desk.fromCall", String.valueOf(call.callId())) + " " + note, user(),
                    Channel.DESK);
            lastUpdate = orderNo + "\n" + note;
            FacesText.message(FacesMessage.SEVERITY_INFO, action == WorkOrderService.Action.CUSTOMER_RESPONDED
                    ? "desk.orderResumed" : "desk.orderUpdated", orderNo);
            customer = customers.overview(customer.customerId()).orElse(customer);
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    WorkOrderRefusals.explain(e, action.name(), orderNo, FacesText.bundle()), null));
        }
    }

    public String getUpdateOrderNo() {
        return updateOrderNo;
    }

    public void setUpdateOrderNo(String updateOrderNo) {
        this.updateOrderNo = updateOrderNo;
    }

    public String getUpdateNote() {
        return updateNote;
    }

    public void setUpdateNote(String updateNote) {
        this.updateNote = updateNote;
    }

    public WorkOrderType[] getOrderTypes() {
        return WorkOrderType.values();
    }

    public WorkOrderType getOrderType() {
        return orderType;
    }

    public void setOrderType(WorkOrderType orderType) {
        this.orderType = orderType;
    }

    public String getOrderAccount() {
        return orderAccount;
    }

    public void setOrderAccount(String orderAccount) {
        this.orderAccount = orderAccount;
    }

    public String getOrderSubject() {
        return orderSubject;
    }

    public void setOrderSubject(String orderSubject) {
        this.orderSubject = orderSubject;
    }

    public String getOrderDescription() {
        return orderDescription;
    }

    public void setOrderDescription(String orderDescription) {
        this.orderDescription = orderDescription;
    }

    public String getCreatedOrderNo() {
        return createdOrderNo;
    }

    public void searchKnowledge() {
        found = question == null || question.isBlank() ? null
                : knowledge.search(new KnowledgeBase.Search(question.strip(), null, null, KnowledgeBase.Scope.STAFF, 0, 5), locale());
    }

    /** Links the unrecognised caller to the customer the agent found; the 360 and suggestions load at once. */
    public void linkCustomer(long customerId) {
        if (call == null) {
            return;
        }
        long callId = call.callId();
        act(() -> {
            call = routing.linkCustomer(user(), callId, customerId);
            customer = customers.overview(customerId).orElse(null);
            orderAccount = customer == null || customer.accounts().isEmpty() ? null : customer.accounts().get(0).accountNumber();
            customerMatches = List.of();
            message(FacesMessage.SEVERITY_INFO, "desk.linked");
        });
    }

    public void searchCustomers() {
        customerMatches = customerQuery == null || customerQuery.strip().length() < 2 ? List.of()
                : customers.search(customerQuery.strip(), 0, 10);
    }

    public String getIvrPathText() {
        return call == null ? "" : String.join(" › ", call.ivrPath());
    }

    public boolean isWrappingUp() {
        return call != null && agent != null && agent.state() != AgentState.RESERVED && agent.state() != AgentState.ON_CALL;
    }

    public List<Choice> getReasons() {
        return routing.notReadyReasons();
    }

    public List<Choice> getDispositions() {
        return routing.dispositions();
    }

    /** A stored code of the customer 360 (bill status, payment channel, call outcome, …) in the agent's words. */
    public String label(String prefix, String code) {
        return FacesText.label(prefix, code);
    }

    /** A disposition code of a past call by its name in the agent's language. */
    public String dispositionName(String code) {
        return code == null ? "" : getDispositions().stream().filter(d -> d.code().equals(code)).findFirst()
                .map(this::choiceName).orElse(code);
    }

    public String choiceName(Choice choice) {
        return "en".equals(locale().getLanguage()) ? choice.nameEn() : choice.nameZh();
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (AgentStateException e) {
            refused(e);
            refresh();
        }
    }

    private void refused(AgentStateException e) {
        message(FacesMessage.SEVERITY_WARN, e.code());
    }

    private void message(FacesMessage.Severity severity, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(severity, msg.containsKey(key) ? msg.getString(key) : key, null));
    }

    private Locale locale() {
        return localeSelection.getLocale();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public AgentView getAgent() {
        return agent;
    }

    public OfferedCall getCall() {
        return call;
    }

    public CustomerService.Overview getCustomer() {
        return customer;
    }

    public KnowledgeSearchView getSuggestions() {
        return suggestions;
    }

    public KnowledgeSearchView getFound() {
        return found;
    }

    public List<CustomerRow> getCustomerMatches() {
        return customerMatches;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDisposition() {
        return disposition;
    }

    public void setDisposition(String disposition) {
        this.disposition = disposition;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getCustomerQuery() {
        return customerQuery;
    }

    public void setCustomerQuery(String customerQuery) {
        this.customerQuery = customerQuery;
    }

    /** When routing offered the call, in epoch milliseconds (the page records when it showed it). */
    public long getOfferedAtMillis() {
        return call == null || call.offeredAt() == null ? 0 : call.offeredAt().toEpochMilli();
    }
}
