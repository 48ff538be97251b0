package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Mounts the REST API at /api. */
@ApplicationPath("/api")
public class RestApplication extends Application {

    /** Error responses keep their JSON body instead of being replaced by the server's HTML error page. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
