package org.utilitydesk.interfaces.supervisor;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.utilitydesk.batch.control.JobControl;
import org.utilitydesk.batch.control.JobExecutionView;
import org.utilitydesk.interfaces.desk.FacesText;

/**
 * The supervisor's job console: start a job with its parameter, watch the latest executions (status,
 * progress, step counts; the page refreshes itself every two seconds), stop a running one, restart a
 * failed or stopped one from its checkpoint, and read what an execution rejected and why.
 */
@Named
@ViewScoped
public class JobConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(JobConsole.class.getName());

    @Inject
    private transient JobControl jobs;

    private String jobName = "nightly-statistics";
    private String parameterValue;
    private Long inspected;

    public List<String> getJobNames() {
        return List.copyOf(new TreeSet<>(JobControl.JOBS.keySet()));
    }

    /** The name of the one parameter the chosen job takes, or null. */
    public String getParameterName() {
        Map<String, JobControl.Parameter> parameters = JobControl.JOBS.get(jobName);
        return parameters == null || parameters.isEmpty() ? null : parameters.keySet().iterator().next();
    }

    public void start() {
        String parameter = getParameterName();
        try {
            long id = jobs.start(jobName, parameter == null ? Map.of() : Map.of(parameter, parameterValue == null ? "" : parameterValue));
            LOG.info(() -> FacesContext.getCurrentInstance().getExternalContext().getRemoteUser() + " started " + jobName + " as " + id);
            FacesText.message(FacesMessage.SEVERITY_INFO, "jobs.launched", FacesText.bundle().getString("job." + jobName), id);
            parameterValue = null;
        } catch (IllegalArgumentException | jakarta.ejb.EJBException e) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "jobs.badParameter", parameterValue);
        }
    }

    /** Read once per request (the table asks for it several times while it renders, every two seconds). */
    @SuppressWarnings("unchecked")
    public List<JobExecutionView> getExecutions() {
        return (List<JobExecutionView>) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent(JobConsole.class.getName() + ".executions", k -> jobs.recent(20));
    }

    public void stop(long executionId) {
        if (jobs.find(executionId).filter(JobExecutionView::running).isEmpty()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "jobs.notRunning", executionId);
            return;
        }
        jobs.stop(executionId);
        FacesText.message(FacesMessage.SEVERITY_INFO, "jobs.stopping", executionId);
    }

    public void restart(long executionId) {
        if (jobs.find(executionId).filter(JobExecutionView::restartable).isEmpty()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "jobs.notRestartable", executionId);
            return;
        }
        long id = jobs.restart(executionId);
        FacesText.message(FacesMessage.SEVERITY_INFO, "jobs.restarted", executionId, id);
    }

    public void inspect(long executionId) {
        inspected = executionId;
    }

    public Long getInspected() {
        return inspected;
    }

    public List<JobControl.RejectedItem> getRejected() {
        return inspected == null ? List.of() : jobs.rejected(inspected);
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public String getParameterValue() {
        return parameterValue;
    }

    public void setParameterValue(String parameterValue) {
        this.parameterValue = parameterValue;
    }
}
