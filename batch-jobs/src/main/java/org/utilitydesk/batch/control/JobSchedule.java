package org.utilitydesk.batch.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/** Starts the nightly jobs. Timers are not persistent: a server that was down simply runs the next night. */
@Singleton
public class JobSchedule {

    private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

    @Inject
    private JobControl jobs;

    @Schedule(hour = "0", minute = "30", timezone = "Asia/Shanghai", persistent = false)
    void markOverdueBills() {
        long id = jobs.start("overdue-bills", Map.of());
        LOG.info(() -> "nightly overdue-bills started as execution " + id);
    }
}
