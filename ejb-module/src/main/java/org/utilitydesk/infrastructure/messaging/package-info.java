/**
 * JMS over the Artemis resource adapter: the producer behind {@link org.utilitydesk.application.ApplicationEvents},
 * the thin message-driven consumers, and the ledger that makes handling a redelivered message harmless.
 */
package org.utilitydesk.infrastructure.messaging;
