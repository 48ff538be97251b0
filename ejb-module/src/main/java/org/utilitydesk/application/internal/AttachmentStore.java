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
 * Keeps the bytes of uploaded files under the domain's data, one shelf per use: article attachments in
 * {@code <instance>/data/knowledge-attachments} (or {@code utilitydesk.knowledge.attachment-dir}), crews'
 * photos in {@code <instance>/data/work-order-photos} (or {@code utilitydesk.workorder.photo-dir}); one folder
 * per article or order. A file written for a transaction that then rolls back is deleted again.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

    /** Where a kind of file is kept: the folder under the instance's data, unless configured elsewhere. */
    enum Shelf {
        KNOWLEDGE("knowledge-attachments"),
        WORK_ORDER_PHOTOS("work-order-photos");

        private final String folder;

        Shelf(String folder) {
            this.folder = folder;
        }
    }

    /** A file written in the current transaction. */
    record Written(Shelf shelf, String path) {
    }

    @Inject
    @ConfigProperty(name = "utilitydesk.knowledge.attachment-dir", defaultValue = "default")
    private String knowledgeDirectory;

    @Inject
    @ConfigProperty(name = "utilitydesk.workorder.photo-dir", defaultValue = "default")
    private String photoDirectory;

    @Inject
    private jakarta.enterprise.event.Event<Written> written;

    /** Writes the bytes (complete or not at all) and returns the path to store, relative to the root. */
    String write(Shelf shelf, long ownerId, byte[] content) {
        String relative = ownerId + "/" + UUID.randomUUID();
        Path target = root(shelf).resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file under " + root(shelf), e);
        }
        written.fire(new Written(shelf, relative));
        return relative;
    }

    Path resolve(Shelf shelf, String relative) {
        Path path = root(shelf).resolve(relative).normalize();
        if (!path.startsWith(root(shelf))) {
            throw new IllegalArgumentException("file path outside the store: " + relative);
        }
        return path;
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) Written file) {
        try {
            Files.deleteIfExists(resolve(file.shelf(), file.path()));
            LOG.info("File " + file.shelf() + " " + file.path() + " deleted: its transaction rolled back");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "File " + file.shelf() + " " + file.path() + " of a rolled-back transaction could not be deleted", e);
        }
    }

    private Path root(Shelf shelf) {
        String configured = shelf == Shelf.KNOWLEDGE ? knowledgeDirectory : photoDirectory;
        if (configured != null && !configured.isBlank() && !"default".equals(configured)) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return (instance != null ? Paths.get(instance, "data", shelf.folder)
                : Paths.get(System.getProperty("user.home"), ".utilitydesk", shelf.folder)).toAbsolutePath().normalize();
    }
}
