/** JSR-352 batch jobs of the contact center; one sub-package per job, plus the control bean in {@code control}. */
package org.utilitydesk.batch;
