/** The JAX-RS API for channels (SMS gateway, apps) and the desk's scripts, under /api. */
package org.utilitydesk.interfaces.rest;
