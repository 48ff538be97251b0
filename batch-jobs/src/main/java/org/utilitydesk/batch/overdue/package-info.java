/** The overdue-bills job: bills unpaid after their due date become OVERDUE. */
package org.utilitydesk.batch.overdue;
