package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.CallRouting.AgentView;
import org.utilitydesk.application.CallRouting.Choice;
import org.utilitydesk.application.CallRouting.OfferedCall;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.model.acd.AgentState;
import org.utilitydesk.domain.model.acd.AgentStateException;
import org.utilitydesk.interfaces.facade.CustomerFacade;
import org.utilitydesk.interfaces.facade.CustomerRow;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;

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

    @Inject
    private CallRouting routing;

    @Inject
    private CustomerFacade customers;

    @Inject
    private KnowledgeFacade knowledge;

    @Inject
    private LocaleSelection localeSelection;


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

    /** Reads the caller's 360 again (after something on the call changed one of their orders). */
    public void reloadCustomer() {
        if (customer != null) {
            customer = customers.overview(customer.customerId()).orElse(customer);
        }
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

    /** Now, as the page was rendered: the call bar's timer counts on from it (ticking.js). */
    public long getNowMillis() {
        return System.currentTimeMillis();
    }

    /** How long since the call was offered, as the call bar shows it when the page is rendered ("1:05"). */
    public String getCallDuration() {
        if (call == null || call.offeredAt() == null) {
            return "";
        }
        long seconds = Math.max(0, java.time.Duration.between(call.offeredAt(), java.time.Instant.now()).getSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** When routing offered the call, in epoch milliseconds (the page records when it showed it). */
    public long getOfferedAtMillis() {
        return call == null || call.offeredAt() == null ? 0 : call.offeredAt().toEpochMilli();
    }
}
