package org.utilitydesk.batch.statistics;

/**
 * What a day's figures are broken down by, with the SQL that names each row's key. Calls are counted for
 * every dimension but the service type (a call has none); work orders and surveys for the center as a
 * whole and by service type (the work-order type).
 */
enum Dimension {
    CENTER("'ALL'", "", true, true),
    QUEUE("q.code", "", true, false),
    SKILL("s.code", " JOIN skill s ON s.id = q.skill_id", true, false),
    AGENT("u.username", " JOIN agent a ON a.id = c.agent_id JOIN app_user u ON u.id = a.user_id", true, false),
    SERVICE_TYPE("w.order_type", "", false, true);

    final String key;
    final String callJoins;
    final boolean countsCalls;
    final boolean countsOrders;

    Dimension(String key, String callJoins, boolean countsCalls, boolean countsOrders) {
        this.key = key;
        this.callJoins = callJoins;
        this.countsCalls = countsCalls;
        this.countsOrders = countsOrders;
    }

    /** The key of an order row: the center's one key, or the order's type. */
    String orderKey() {
        return this == CENTER ? "'ALL'" : "w.order_type";
    }
}
