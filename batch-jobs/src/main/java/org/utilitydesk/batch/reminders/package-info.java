/**
 * The payment-reminders job (电费催缴): overdue unpaid bills are reminded by SMS, e-mail or an outbound IVR
 * call inside the windows an administrator set, at most once per bill and window.
 */
package org.utilitydesk.batch.reminders;
