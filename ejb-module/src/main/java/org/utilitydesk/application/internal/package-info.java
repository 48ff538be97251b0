/** Transactional implementations of the use cases. */
package org.utilitydesk.application.internal;
