/**
 * Files people upload (article attachments, crews' photos of a repair): which kinds are accepted, recognised
 * by their first bytes as well as their names, and why an upload is refused.
 */
package org.utilitydesk.domain.model.file;
