/** MicroProfile Health readiness checks: database, broker and telephone system, as Payara's /health/ready reports them. */
package org.utilitydesk.infrastructure.health;
