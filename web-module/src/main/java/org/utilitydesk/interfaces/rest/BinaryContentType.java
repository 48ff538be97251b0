package org.utilitydesk.interfaces.rest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps a charset off binary answers (photos, attachments, spreadsheets). web.xml sets UTF-8 on every
 * response so that pages and JSON need not; the container would then send {@code image/png;charset=UTF-8},
 * which some clients refuse (an image fetched by script in Firefox, strict HTTP libraries).
 */
@Provider
public class BinaryContentType implements ContainerResponseFilter {

    @Context
    private HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && !textual(type)) {
            servletResponse.setCharacterEncoding(null);
        }
    }

    /** Text, or a type that names its charset: the container's UTF-8 is right for it. */
    static boolean textual(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return type.getParameters().containsKey(MediaType.CHARSET_PARAMETER) || "text".equalsIgnoreCase(type.getType())
                || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("xml") || subtype.endsWith("+xml")
                || subtype.equals("javascript") || subtype.equals("x-www-form-urlencoded");
    }
}
