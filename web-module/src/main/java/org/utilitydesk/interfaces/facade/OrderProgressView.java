package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.utilitydesk.application.OrderProgress;

/** A customer's view of their order's progress, with the type and states named in their language. */
public record OrderProgressView(String orderNo, String type, String typeLabel, String state, String stateLabel,
                                Instant openedAt, Instant promisedBy, boolean waitingOnCustomer,
                                boolean partOfKnownIncident, List<Step> steps) {

    public record Step(Instant at, String state, String stateLabel) {
    }

    public static OrderProgressView of(OrderProgress.Progress p, Locale locale) {
        ResourceBundle text = Texts.bundle(locale);
        return new OrderProgressView(p.orderNo(), p.type().name(), text.getString("workOrderType." + p.type().name()),
                p.state().name(), text.getString("workOrderState." + p.state().name()), p.openedAt(), p.promisedBy(),
                p.waitingOnCustomer(), p.partOfKnownIncident(),
                p.steps().stream().map(s -> new Step(s.at(), s.state().name(),
                        text.getString("workOrderState." + s.state().name()))).toList());
    }

    /** An order number as printed on SMS and receipts: two letters and digits (GD2026112400000042). */
    public static boolean plausibleOrderNo(String orderNo) {
        return orderNo != null && orderNo.matches("[A-Za-z]{2}\\d{6,30}");
    }

    public static boolean plausibleLastFour(String digits) {
        return digits != null && digits.matches("\\d{4}");
    }
}
