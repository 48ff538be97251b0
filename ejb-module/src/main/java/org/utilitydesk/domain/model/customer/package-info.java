/** The customer aggregate: customers, their supply accounts and the service areas those accounts lie in. */
package org.utilitydesk.domain.model.customer;
