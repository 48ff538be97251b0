package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.utilitydesk.application.KnowledgeBase;

/** Sends an attachment's bytes as a download with its type and name; never rendered inline by browsers. */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    static Response file(KnowledgeBase.StoredAttachment stored) {
        if (!Files.isReadable(stored.file())) {
            return Response.status(Response.Status.GONE).build();
        }
        String name = URLEncoder.encode(stored.attachment().getFileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(stored.file().toFile(), stored.attachment().getContentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
