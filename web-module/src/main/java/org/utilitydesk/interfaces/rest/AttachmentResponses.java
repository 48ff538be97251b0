package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.KnowledgeBase;

/**
 * Sends a stored file's bytes with its type and name. Article attachments are downloads, never rendered by
 * browsers; a crew's photos (JPEG or PNG, checked by their first bytes when stored) are shown inline.
 */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    static Response file(KnowledgeBase.StoredAttachment stored) {
        return send(stored.file(), stored.attachment().getContentType(), stored.attachment().getFileName(), "attachment");
    }

    static Response photo(CrewWork.StoredPhoto stored) {
        return send(stored.file(), stored.photo().getContentType(), stored.photo().getFileName(), "inline");
    }

    private static Response send(Path file, String contentType, String fileName, String disposition) {
        if (!Files.isReadable(file)) {
            return Response.status(Response.Status.GONE).build();
        }
        String name = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.toFile(), contentType)
                .header("Content-Disposition", disposition + "; filename*=UTF-8''" + name)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
