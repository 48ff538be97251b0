package org.utilitydesk.infrastructure.notification;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.utilitydesk.infrastructure.scheduling.RepeatingWork;

/** Keeps the SMS centre session bound (every 10 s), so customers' texts arrive while nothing is being sent. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SmppLink extends RepeatingWork {

    @Inject
    private SmppGateway gateway;

    @Override
    protected String name() {
        return "smpp-link";
    }

    @Override
    protected int intervalSeconds() {
        return 10;
    }

    @Override
    protected void round() {
        if (gateway.isConfigured()) {
            gateway.keepBound();
        }
    }
}
