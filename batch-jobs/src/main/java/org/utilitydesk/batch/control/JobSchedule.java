package org.utilitydesk.batch.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/** Starts the scheduled jobs. Timers are not persistent: a server that was down simply runs the next night. */
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

    /** Yesterday's figures, once the day's last calls have been wrapped up. */
    @Schedule(hour = "1", minute = "0", timezone = "Asia/Shanghai", persistent = false)
    void computeYesterdaysStatistics() {
        long id = jobs.start("nightly-statistics", Map.of());
        LOG.info(() -> "nightly-statistics started as execution " + id);
    }

    /** Yesterday's closed work orders, surveyed in the morning when customers take calls. */
    @Schedule(hour = "10", minute = "0", timezone = "Asia/Shanghai", persistent = false)
    void surveyYesterdaysClosedOrders() {
        long id = jobs.start("callback-surveys", Map.of());
        LOG.info(() -> "callback-surveys started as execution " + id);
    }

    /** Every hour of the working day; the job itself keeps to each policy's hours and the quiet periods. */
    @Schedule(hour = "8-20", minute = "5", timezone = "Asia/Shanghai", persistent = false)
    void sendPaymentReminders() {
        long id = jobs.start("payment-reminders", Map.of());
        LOG.info(() -> "payment-reminders started as execution " + id);
    }
}
