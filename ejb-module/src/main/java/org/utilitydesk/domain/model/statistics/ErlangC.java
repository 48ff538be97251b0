package org.utilitydesk.domain.model.statistics;

/**
 * Erlang C staffing: how many agents an interval needs so that a share of calls is answered within a
 * target time, given the calls expected and their average handle time. Uses the Erlang B recursion, which
 * stays exact for hundreds of agents where the textbook factorials overflow.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * @param agents staffed agents
     * @param probabilityOfWaiting the chance a call has to wait at all
     * @param serviceLevel share answered within the target time (0..1)
     * @param averageSpeedOfAnswer expected wait in seconds
     * @param occupancy share of the agents' time spent on calls
     */
    public record Staffing(int agents, double trafficErlangs, double probabilityOfWaiting, double serviceLevel,
                           double averageSpeedOfAnswer, double occupancy) {
    }

    /**
     * The fewest agents reaching {@code targetShare} of calls answered within {@code targetSeconds}.
     *
     * @param calls calls offered in the interval
     * @param intervalSeconds length of the interval (3600 for an hour)
     * @param handleSeconds average handle time (talk plus wrap-up)
     */
    public static Staffing agentsFor(double calls, double intervalSeconds, double handleSeconds, double targetShare,
                                     double targetSeconds) {
        if (calls < 0 || intervalSeconds <= 0 || handleSeconds < 0 || targetShare <= 0 || targetShare >= 1 || targetSeconds < 0) {
            throw new IllegalArgumentException("calls and handle time must not be negative, the interval must be positive"
                    + " and the target share between 0 and 1");
        }
        double traffic = calls * handleSeconds / intervalSeconds;
        if (traffic == 0) {
            return new Staffing(0, 0, 0, 1, 0, 0);
        }
        for (int agents = Math.max(1, (int) Math.floor(traffic) + 1); ; agents++) {
            Staffing staffing = with(agents, traffic, handleSeconds, targetSeconds);
            if (staffing.serviceLevel() >= targetShare) {
                return staffing;
            }
        }
    }

    /** What {@code agents} agents achieve for {@code traffic} Erlangs; more agents than traffic, or nobody is ever answered. */
    public static Staffing with(int agents, double traffic, double handleSeconds, double targetSeconds) {
        if (agents <= traffic) {
            return new Staffing(agents, traffic, 1, 0, Double.POSITIVE_INFINITY, 1);
        }
        double erlangB = 1;
        for (int n = 1; n <= agents; n++) {
            erlangB = traffic * erlangB / (n + traffic * erlangB);
        }
        double waiting = agents * erlangB / (agents - traffic * (1 - erlangB));
        double serviceLevel = 1 - waiting * Math.exp(-(agents - traffic) * targetSeconds / handleSeconds);
        double asa = waiting * handleSeconds / (agents - traffic);
        return new Staffing(agents, traffic, waiting, serviceLevel, asa, traffic / agents);
    }
}
