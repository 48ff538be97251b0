package org.utilitydesk.batch.statistics;

/**
 * The figures of one hour (or day) of one dimension key; every one is a count or a sum, so finer rows add up
 * to coarser ones.
 */
final class Figures {

    long offered;
    long answered;
    long abandoned;
    long withinSl;
    long waitSeconds;
    long handleSeconds;
    long firstContactResolved;
    long ordersOpened;
    long ordersClosed;
    long ordersBreached;
    long csatResponses;
    long csatScoreSum;

    void addCalls(Figures calls) {
        offered += calls.offered;
        answered += calls.answered;
        abandoned += calls.abandoned;
        withinSl += calls.withinSl;
        waitSeconds += calls.waitSeconds;
        handleSeconds += calls.handleSeconds;
        firstContactResolved += calls.firstContactResolved;
    }

    /** Row key of daily_statistic below the date: hour, dimension and the dimension's key. */
    record Key(int hour, String dimension, String key) {
    }
}
