package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.Surveys;

/**
 * The agent's survey list (回访任务): closed orders whose customer an agent is to ask how it went. The agent
 * records the score and comment; a survey answered meanwhile (by a colleague, a double click) is said to be
 * closed and nothing changes; a low score tells the agent the follow-up order that was opened.
 */
@Named
@ViewScoped
public class SurveyTasks implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Surveys surveys;

    private final Map<Long, String> scores = new HashMap<>();
    private final Map<Long, String> comments = new HashMap<>();
    private List<Surveys.AgentTask> tasks;

    public List<Surveys.AgentTask> getTasks() {
        if (tasks == null) {
            tasks = surveys.agentTasks(100, false);
        }
        return tasks;
    }

    public Map<Long, String> getScores() {
        return scores;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    public void save(long surveyId) {
        String chosen = scores.get(surveyId);
        if (chosen == null || !chosen.matches("[1-5]")) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "survey.scoreRequired");
            return;
        }
        String comment = comments.get(surveyId);
        if (comment != null && comment.length() > 2000) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "survey.commentTooLong");
            return;
        }
        String agent = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        Surveys.Outcome outcome = surveys.answer(surveyId, new Surveys.Answer(Integer.parseInt(chosen), comment, null, agent));
        if (!outcome.recorded()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "survey.closed");
        } else if (outcome.followUpOrderNo() != null) {
            FacesText.message(FacesMessage.SEVERITY_INFO, "survey.followUp", outcome.followUpOrderNo());
        } else {
            FacesText.message(FacesMessage.SEVERITY_INFO, "survey.saved");
        }
        tasks = null;
    }
}
