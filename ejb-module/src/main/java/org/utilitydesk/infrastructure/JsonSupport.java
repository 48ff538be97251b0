package org.utilitydesk.infrastructure;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json.createObjectBuilder()} and its kin look the
 * provider up again on every call, a ServiceLoader scan through every class loader of the EAR: about a tenth
 * of the server's CPU when work orders were created at full speed (each order builds and parses several
 * small JSON documents: its routing message, its notifications). Providers are safe to share between threads.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
