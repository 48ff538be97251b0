/** The adapter to Asterisk: FastAGI and AMI. Asterisk types never leave this package. */
package org.utilitydesk.infrastructure.telephony;
