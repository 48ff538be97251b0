/** Bills (电费单) of supply accounts and their payment state. */
package org.utilitydesk.domain.model.billing;
