package org.utilitydesk.application;

import java.time.LocalDate;
import java.util.List;
import org.utilitydesk.domain.model.statistics.ErlangC;

/** Reports over the nightly statistics, and staffing advice from them. */
public interface StatisticsReports {

    /** What a report can be broken down by. */
    enum Dimension { CENTER, QUEUE, SKILL, AGENT, SERVICE_TYPE }

    /** One day's figures for one key of a dimension, with the rates a supervisor reads. */
    record DayRow(LocalDate day, String key, long offered, long answered, long abandoned, long answeredWithinSl,
                  long waitSeconds, long handleSeconds, long firstContactResolved, long ordersOpened, long ordersClosed,
                  long ordersBreached, long csatResponses, long csatScoreSum) {

        /** Average speed of answer, seconds. */
        public double asa() {
            return answered == 0 ? 0 : (double) waitSeconds / answered;
        }

        /** Average handle time (talk and wrap-up), seconds. */
        public double aht() {
            return answered == 0 ? 0 : (double) handleSeconds / answered;
        }

        /** Share of offered calls answered within the service-level time, percent. */
        public double serviceLevel() {
            return offered == 0 ? 0 : 100.0 * answeredWithinSl / offered;
        }

        public double abandonRate() {
            return offered == 0 ? 0 : 100.0 * abandoned / offered;
        }

        /** Share of answered calls not followed by another call within 24 hours, percent. */
        public double firstContactResolution() {
            return answered == 0 ? 0 : 100.0 * firstContactResolved / answered;
        }

        /** Average survey score, 1 to 5; 0 without answers. */
        public double csat() {
            return csatResponses == 0 ? 0 : (double) csatScoreSum / csatResponses;
        }
    }

    /** Whole-day rows from {@code from} to {@code to} (inclusive) by the dimension, by day then key. */
    List<DayRow> daily(LocalDate from, LocalDate to, Dimension dimension);

    /**
     * Erlang C advice for one hour of the day on one queue (or the whole center when {@code queue} is null):
     * the agents needed for the queue's service level (80 % within 20 s by default) given the calls offered
     * in that hour and their handle time, averaged over the days from {@code from} to {@code to}.
     */
    record StaffingAdvice(String queue, int hour, int days, double callsPerHour, double handleSeconds, int targetPercent,
                          int targetSeconds, ErlangC.Staffing staffing) {
    }

    StaffingAdvice staffing(LocalDate from, LocalDate to, int hour, String queue);

    /** The queues, for choosing one. */
    List<KeyName> queues();

    /**
     * What a dimension's keys are called, by key, in both languages: the queues' and skills' names by their codes;
     * empty for the dimensions whose keys are named elsewhere (the center's one key, agents, service types).
     */
    java.util.Map<String, KeyName> keyNames(Dimension dimension);

    /** A queue's or skill's code with its names. */
    record KeyName(String code, String nameZh, String nameEn) {
    }
}
