package org.utilitydesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the bytes of article attachments under the domain's data ({@code <instance>/data/knowledge-attachments},
 * or {@code utilitydesk.knowledge.attachment-dir}), one folder per article. A file written for a
 * transaction that then rolls back is deleted again.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

    /** A file written in the current transaction. */
    record Written(String path) {
    }

    @Inject
    @ConfigProperty(name = "utilitydesk.knowledge.attachment-dir", defaultValue = "default")
    private String configuredDirectory;

    @Inject
    private jakarta.enterprise.event.Event<Written> written;

    /** Writes the bytes (complete or not at all) and returns the path to store, relative to the root. */
    String write(long articleId, byte[] content) {
        String relative = articleId + "/" + UUID.randomUUID();
        Path target = root().resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment under " + root(), e);
        }
        written.fire(new Written(relative));
        return relative;
    }

    Path resolve(String relative) {
        Path path = root().resolve(relative).normalize();
        if (!path.startsWith(root())) {
            throw new IllegalArgumentException("attachment path outside the store: " + relative);
        }
        return path;
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) Written file) {
        try {
            Files.deleteIfExists(resolve(file.path()));
            LOG.info("Attachment " + file.path() + " deleted: its transaction rolled back");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Attachment " + file.path() + " of a rolled-back transaction could not be deleted", e);
        }
    }

    private Path root() {
        if (configuredDirectory != null && !configuredDirectory.isBlank() && !"default".equals(configuredDirectory)) {
            return Paths.get(configuredDirectory).toAbsolutePath().normalize();
        }
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return (instance != null ? Paths.get(instance, "data", "knowledge-attachments")
                : Paths.get(System.getProperty("user.home"), ".utilitydesk", "knowledge-attachments")).toAbsolutePath().normalize();
    }
}
