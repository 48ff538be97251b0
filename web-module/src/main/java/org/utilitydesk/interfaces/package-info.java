/** Everything people and channels touch: the JSF desk and console, the REST API, and their security. */
package org.utilitydesk.interfaces;
