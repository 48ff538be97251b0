/** MicroProfile Health readiness checks (database, broker, telephone system, IVR, recordings): UP or DOWN for Payara's open /health/ready, their details for administrators (ReadinessCheck). */
package org.utilitydesk.infrastructure.health;
