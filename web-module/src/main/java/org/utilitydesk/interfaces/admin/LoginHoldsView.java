package org.utilitydesk.interfaces.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.interfaces.desk.FacesText;
import org.utilitydesk.interfaces.security.LoginThrottle;
import org.utilitydesk.interfaces.security.SecurityAudit;

/**
 * The administrators' view of the login throttle: every user name and client address held back now (back-off or
 * lock) with a button to lift it, and the latest entries of the security audit. Lifting names the administrator
 * in the audit; a hold that ended or was lifted meanwhile is reported as gone.
 */
@Named
@RequestScoped
public class LoginHoldsView {

    static final int EVENTS_SHOWN = 100;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private SecurityAudit audit;

    private List<LoginThrottle.Hold> holds;
    private List<SecurityAudit.Event> events;

    public List<LoginThrottle.Hold> getHolds() {
        if (holds == null) {
            holds = throttle.holds();
        }
        return holds;
    }

    public List<SecurityAudit.Event> getEvents() {
        if (events == null) {
            events = audit.recent(EVENTS_SHOWN);
        }
        return events;
    }

    /**
     * A name or address as the administrator must see it: what the attacker typed, with invisible and
     * direction-changing characters (a right-to-left override that shows "resu-live" for "evil-user") written out as
     * their code points instead of acting on the text.
     */
    public String shown(String subject) {
        StringBuilder text = new StringBuilder();
        subject.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                text.append(String.format("⟨U+%04X⟩", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    /** Lifts the hold the clicked row names (type and subject travel with the click, not the row's index). */
    public void lift() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var parameters = faces.getExternalContext().getRequestParameterMap();
        String subject = parameters.get("subject");
        LoginThrottle.SubjectType type;
        try {
            type = LoginThrottle.SubjectType.valueOf(String.valueOf(parameters.get("type")));
        } catch (IllegalArgumentException e) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "holds.gone", String.valueOf(subject));
            return;
        }
        if (subject != null && throttle.lift(type, subject, faces.getExternalContext().getRemoteUser())) {
            FacesText.message(FacesMessage.SEVERITY_INFO, "holds.lifted", subject);
        } else {
            FacesText.message(FacesMessage.SEVERITY_WARN, "holds.gone", String.valueOf(subject));
        }
        holds = null;
        events = null;
    }
}
