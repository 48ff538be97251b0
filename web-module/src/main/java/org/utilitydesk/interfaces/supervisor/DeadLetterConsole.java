package org.utilitydesk.interfaces.supervisor;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.utilitydesk.application.DeadLetters;
import org.utilitydesk.application.DeadLetters.DeadLetter;
import org.utilitydesk.interfaces.desk.FacesText;

/**
 * The supervisor's view of the dead-letter queue: the messages the application failed to process after
 * every redelivery, with the work orders they hold up, and a retry for each (or for all) once the cause,
 * such as a missing routing rule, has been fixed.
 */
@Named
@ViewScoped
public class DeadLetterConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DeadLetterConsole.class.getName());
    static final int SHOWN = 200;
    private static final String LETTERS = DeadLetterConsole.class.getName() + ".letters";

    @Inject
    private transient DeadLetters deadLetters;

    /**
     * Read once per request (the table asks for it several times while it renders) and again after a retry:
     * a postback reads the list before the action runs.
     */
    @SuppressWarnings("unchecked")
    public List<DeadLetter> getLetters() {
        return (List<DeadLetter>) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(LETTERS, k -> deadLetters.list(SHOWN));
    }

    /**
     * Sends back the letter whose id the clicked row carries; a second click, or a colleague's retry first,
     * finds it gone and says so.
     */
    public void retry() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("letter");
        switch (send(id)) {
            case SENT -> FacesText.message(FacesMessage.SEVERITY_INFO, "deadLetters.retried", id);
            case GONE -> FacesText.message(FacesMessage.SEVERITY_WARN, "error.deadLetterNotFound", id);
            case FAILED -> FacesText.message(FacesMessage.SEVERITY_ERROR, "deadLetters.failed", id);
        }
    }

    /** Sends back every letter in the queue now (up to the page's {@value #SHOWN}). */
    public void retryAll() {
        Map<Outcome, Long> outcomes = deadLetters.list(SHOWN).stream()
                .collect(Collectors.groupingBy(letter -> send(letter.id()), () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        FacesText.message(FacesMessage.SEVERITY_INFO, "deadLetters.retriedAll", outcomes.getOrDefault(Outcome.SENT, 0L));
        if (outcomes.containsKey(Outcome.FAILED)) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "deadLetters.failedSome", outcomes.get(Outcome.FAILED));
        }
    }

    private enum Outcome { SENT, GONE, FAILED }

    /** Retries one letter; one that cannot go back (the broker away, no queue to return to) is logged with why. */
    private Outcome send(String id) {
        FacesContext.getCurrentInstance().getAttributes().remove(LETTERS);
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        try {
            if (!deadLetters.retry(id)) {
                return Outcome.GONE;
            }
            LOG.info(() -> user + " retried dead letter " + id);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, user + " could not retry dead letter " + id, e);
            return Outcome.FAILED;
        }
    }
}
