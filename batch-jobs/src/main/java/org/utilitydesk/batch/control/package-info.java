/** Starting, scheduling and watching jobs, and recording the items a job rejected. */
package org.utilitydesk.batch.control;
