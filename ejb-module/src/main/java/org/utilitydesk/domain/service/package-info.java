/** Ports to the world outside the application (telephony, notifications), as interfaces the adapters implement. */
package org.utilitydesk.domain.service;
