/** Facades between the pages and API and the application services: they return DTOs, never entities. */
package org.utilitydesk.interfaces.facade;
