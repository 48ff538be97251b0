package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.OrderProgress;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderEvent;

/** Finds the order, checks the phone digits and the misses, and keeps only what the customer may see. */
@Stateless
public class DefaultOrderProgress implements OrderProgress {

    private static final Logger LOG = Logger.getLogger(DefaultOrderProgress.class.getName());

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private ProgressMisses misses;

    @Inject
    private Clock clock;

    @Override
    public Answer lookUp(String orderNo, String phoneLastFour) {
        if (misses.locked(orderNo, clock.instant())) {
            LOG.info(() -> "progress query for " + orderNo + " refused: too many wrong phone digits");
            return Answer.of(Outcome.LOCKED);
        }
        Optional<WorkOrder> found = workOrders.findByOrderNo(orderNo);
        if (found.isEmpty()) {
            return Answer.of(Outcome.NOT_FOUND);
        }
        WorkOrder order = found.get();
        if (!matches(order.getContactPhone(), phoneLastFour)) {
            // only real orders are counted, so the table stays as small as the orders being tried
            misses.missed(orderNo, clock.instant());
            return Answer.of(Outcome.NOT_FOUND);
        }
        List<Step> steps = order.getEvents().stream()
                .filter(e -> e.getToState() != null && e.getToState() != e.getFromState())
                .sorted(Comparator.comparing(WorkOrderEvent::getOccurredAt).thenComparing(WorkOrderEvent::getId))
                .map(e -> new Step(e.getOccurredAt(), e.getToState()))
                .toList();
        return new Answer(Outcome.FOUND, new Progress(order.getOrderNo(), order.getType(), order.getState(),
                order.getCreatedAt(), order.getSlaDueAt(), order.getSlaPausedSince() != null,
                order.getIncidentId() != null, steps));
    }

    /** The last four digits of the order's phone, whatever separators it was written with. */
    static boolean matches(String phone, String lastFour) {
        if (phone == null || lastFour == null || !lastFour.matches("\\d{4}")) {
            return false;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() >= 4 && digits.endsWith(lastFour);
    }
}
