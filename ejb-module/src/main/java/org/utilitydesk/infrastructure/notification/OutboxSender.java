package org.utilitydesk.infrastructure.notification;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.infrastructure.scheduling.RepeatingWork;

/**
 * Empties the notification outbox every {@code utilitydesk.outbox.poll-seconds} (5): SMS over SMPP,
 * e-mail over SMTP, for whichever of the two is configured; rows of a channel that is not configured wait.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSender extends RepeatingWork {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 200;

    @Inject
    private OutboxDelivery delivery;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbox.poll-seconds", defaultValue = "5")
    private int pollSeconds;

    @Override
    protected String name() {
        return "outbox-sender";
    }

    @Override
    protected int intervalSeconds() {
        return pollSeconds;
    }

    @Override
    protected void round() {
        int sent = 0;
        for (Long id : delivery.due(BATCH)) {
            if (delivery.deliver(id)) {
                sent++;
            }
        }
        int count = sent;
        if (count > 0) {
            LOG.fine(() -> count + " notifications delivered");
        }
    }
}
