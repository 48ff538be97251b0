/** Work the application repeats on its own (the SLA watch, the outbox sender) on container timers. */
package org.utilitydesk.infrastructure.scheduling;
