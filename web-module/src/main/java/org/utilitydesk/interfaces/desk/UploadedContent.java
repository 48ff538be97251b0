package org.utilitydesk.interfaces.desk;

import org.primefaces.model.file.UploadedFile;
import org.utilitydesk.domain.model.file.AttachmentKind;
import org.utilitydesk.domain.model.file.AttachmentRejectedException;

/**
 * The bytes of a file uploaded through a page. PrimeFaces reads no more of a file than its {@code sizeLimit} and
 * hands over the first 10 MB of a larger one as if that were all of it; the size the browser sent is checked first, so
 * a file too large is refused with the reason instead of being stored cut off.
 */
public final class UploadedContent {

    private UploadedContent() {
    }

    /** The whole file, or {@link AttachmentRejectedException} (TOO_LARGE, under {@code purpose}) if it is too large. */
    public static byte[] of(UploadedFile upload, String purpose) {
        if (upload.getSize() > AttachmentKind.MAX_BYTES) {
            throw new AttachmentRejectedException(purpose, AttachmentRejectedException.Reason.TOO_LARGE,
                    upload.getFileName() + " " + upload.getSize());
        }
        return upload.getContent();
    }
}
