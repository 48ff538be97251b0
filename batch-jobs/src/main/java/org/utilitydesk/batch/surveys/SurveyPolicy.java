package org.utilitydesk.batch.surveys;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Which closed orders are surveyed and how. The random share is drawn from a hash of the order number, not
 * a random generator, so a re-run or a restart picks exactly the same orders.
 */
public record SurveyPolicy(int randomPercent, Set<String> alwaysTypes, String method) {

    /** A sampled order: how it is surveyed and why it was chosen. */
    public record Sample(long workOrderId, String method, String reason) {
    }

    public Sample sample(ClosedOrder order) {
        String reason = alwaysTypes.contains(order.type()) ? "RULE" : drawn(order.orderNo()) ? "RANDOM" : null;
        if (reason == null) {
            return null;
        }
        boolean call = "IVR_CALL".equals(method) && order.contactPhone() != null && order.contactPhone().matches("\\+?\\d{5,20}");
        return new Sample(order.id(), call ? "IVR_CALL" : "AGENT_TASK", reason);
    }

    boolean drawn(String orderNo) {
        CRC32 crc = new CRC32();
        crc.update(orderNo.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < randomPercent;
    }

    /** A work order closed on the job's day that has no survey yet. */
    public record ClosedOrder(long id, String orderNo, String type, String contactPhone) {
    }
}
