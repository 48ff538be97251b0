package org.utilitydesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.utilitydesk.infrastructure.messaging.Destinations;

/**
 * Ready when the broker answers: opening a browser on the work-order queue is a round trip to the broker,
 * which a pooled connection alone would not prove.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness extends ReadinessCheck {

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.WORK_ORDER_EVENTS)
    private Queue workOrderEvents;

    @Override
    public HealthCheckResponse details() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(workOrderEvents)) {
            browser.getEnumeration().hasMoreElements();
            return HealthCheckResponse.named("broker").up().withData("queue", Destinations.WORK_ORDER_EVENTS_ADDRESS).build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
