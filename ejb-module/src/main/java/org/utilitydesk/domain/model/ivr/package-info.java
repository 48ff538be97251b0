/** The IVR menu tree as data: nodes (menus and actions), the keys that lead between them, retries and fall-backs. */
package org.utilitydesk.domain.model.ivr;
