package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.utilitydesk.application.OutageService;

/**
 * Outage notices from outage_notice, by the service area of the caller's account. Read only, so without a
 * transaction of its own (the IVR asks on every call, and a transaction costs three more round trips).
 */
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@Stateless
public class DefaultOutageService implements OutageService {

    private static final Duration AHEAD = Duration.ofDays(3);

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<Notice> noticesFor(long accountId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT o.kind, o.starts_at, o.ends_at, o.reason_zh, o.reason_en"
                        + " FROM outage_notice o JOIN account a ON a.service_area_id = o.service_area_id"
                        + " WHERE a.id = ? AND o.status IN ('ANNOUNCED', 'ACTIVE') AND o.starts_at <= ?"
                        + " AND (o.ends_at IS NULL OR o.ends_at > ?) ORDER BY o.starts_at")
                .setParameter(1, accountId)
                .setParameter(2, Timestamp.from(now.plus(AHEAD)))
                .setParameter(3, Timestamp.from(now))
                .getResultList();
        return rows.stream().map(r -> {
            Instant starts = SqlValues.instant(r[1]);
            Instant ends = SqlValues.instant(r[2]);
            boolean under = !starts.isAfter(now);
            return new Notice(under, "PLANNED".equals(r[0]), starts, ends, (String) r[3], (String) r[4]);
        }).toList();
    }
}
