/**
 * Integration tests against a real Payara domain with the real database and broker, deploying the EAR
 * that Maven built. Started by server-config/bin/test, which brings up the test instance first.
 */
package org.utilitydesk.it;
