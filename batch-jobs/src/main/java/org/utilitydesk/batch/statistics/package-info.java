/** The nightly-statistics job: one day's call, work-order and satisfaction figures per hour and dimension. */
package org.utilitydesk.batch.statistics;
