/** Use cases of the contact center as interfaces; every channel (desk, IVR, portal, API) calls these. */
package org.utilitydesk.application;
