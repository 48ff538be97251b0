package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.utilitydesk.application.StatisticsReports;
import org.utilitydesk.domain.model.statistics.ErlangC;

/** Reads daily_statistic, which the nightly-statistics job fills. */
@Stateless
public class DefaultStatisticsReports implements StatisticsReports {

    /** A report spans at most a year of days. */
    private static final int MAX_DAYS = 366;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public List<DayRow> daily(LocalDate from, LocalDate to, Dimension dimension) {
        checkRange(from, to);
        List<DayRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT stat_date, dimension_key, calls_offered, calls_answered, calls_abandoned,"
                + " answered_within_sl, total_wait_seconds, total_handle_seconds, first_contact_resolved, orders_opened,"
                + " orders_closed, orders_breached, csat_responses, csat_score_sum FROM daily_statistic"
                + " WHERE stat_date BETWEEN ? AND ? AND dimension = ? AND stat_hour = -1 ORDER BY stat_date, dimension_key")
                .setParameter(1, java.sql.Date.valueOf(from)).setParameter(2, java.sql.Date.valueOf(to))
                .setParameter(3, dimension.name()).getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new DayRow(SqlValues.date(r[0]), (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]),
                    n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13])));
        }
        return rows;
    }

    @Override
    public StaffingAdvice staffing(LocalDate from, LocalDate to, int hour, String queue) {
        checkRange(from, to);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23");
        }
        int targetPercent = 80;
        int targetSeconds = 20;
        if (queue != null) {
            List<?> target = em.createNativeQuery("SELECT service_level_target_pct, service_level_seconds FROM call_queue WHERE code = ?")
                    .setParameter(1, queue).getResultList();
            if (target.isEmpty()) {
                throw new IllegalArgumentException("no queue " + queue);
            }
            targetPercent = ((Number) ((Object[]) target.get(0))[0]).intValue();
            targetSeconds = ((Number) ((Object[]) target.get(0))[1]).intValue();
        }
        Object[] sums = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(calls_offered), 0), COALESCE(SUM(calls_answered), 0),"
                        + " COALESCE(SUM(total_handle_seconds), 0) FROM daily_statistic WHERE stat_date BETWEEN ? AND ?"
                        + " AND stat_hour = ? AND dimension = ? AND dimension_key = ?")
                .setParameter(1, java.sql.Date.valueOf(from)).setParameter(2, java.sql.Date.valueOf(to)).setParameter(3, hour)
                .setParameter(4, queue == null ? "CENTER" : "QUEUE").setParameter(5, queue == null ? "ALL" : queue)
                .getSingleResult();
        int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        double calls = n(sums[0]) / (double) days;
        double handle = n(sums[1]) == 0 ? 0 : n(sums[2]) / (double) n(sums[1]);
        ErlangC.Staffing staffing = ErlangC.agentsFor(calls, 3600, handle, targetPercent / 100.0, targetSeconds);
        return new StaffingAdvice(queue, hour, days, calls, handle, targetPercent, targetSeconds, staffing);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<KeyName> queues() {
        return names("call_queue");
    }

    @Override
    public java.util.Map<String, KeyName> keyNames(Dimension dimension) {
        List<KeyName> names = switch (dimension) {
            case QUEUE -> names("call_queue");
            case SKILL -> names("skill");
            default -> List.of();
        };
        java.util.Map<String, KeyName> byCode = new java.util.LinkedHashMap<>();
        names.forEach(n -> byCode.put(n.code(), n));
        return byCode;
    }

    /** Codes and names of a reference table (call_queue or skill), by code. */
    private List<KeyName> names(String table) {
        List<KeyName> names = new java.util.ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT code, name_zh, name_en FROM " + table + " ORDER BY code").getResultList()) {
            Object[] r = (Object[]) row;
            names.add(new KeyName((String) r[0], (String) r[1], (String) r[2]));
        }
        return names;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw new IllegalArgumentException("the period must run forwards and span at most " + MAX_DAYS + " days");
        }
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
