package org.utilitydesk.domain.model.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file people may upload, each recognised by its first bytes as well as its name, so a
 * renamed executable is not accepted as a photo. At most {@link #MAX_BYTES} each. Articles carry any of
 * them ({@link #DOCUMENTS}); a crew's photos of a repair are {@link #PHOTOS}.
 */
public enum AttachmentKind {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
    PDF("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII), "pdf"),
    TEXT("text/plain; charset=UTF-8", null, "txt");

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    public static final Set<AttachmentKind> DOCUMENTS = EnumSet.allOf(AttachmentKind.class);
    public static final Set<AttachmentKind> PHOTOS = EnumSet.of(PNG, JPEG);

    private final String contentType;
    private final byte[] magic;
    private final String[] extensions;

    AttachmentKind(String contentType, byte[] magic, String... extensions) {
        this.contentType = contentType;
        this.magic = magic;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The kind of an upload named {@code cleanName} (see {@link #cleanName}) if it is one of {@code allowed},
     * not empty, at most {@link #MAX_BYTES} and starts as that kind of file does; otherwise refused with the
     * reason, under {@code purpose} (the message bundles' prefix: {@code knowledge.attachment}, {@code workorder.photo}).
     */
    public static AttachmentKind check(String cleanName, byte[] content, Set<AttachmentKind> allowed, String purpose) {
        if (content.length == 0) {
            throw new AttachmentRejectedException(purpose, AttachmentRejectedException.Reason.EMPTY, cleanName);
        }
        if (content.length > MAX_BYTES) {
            throw new AttachmentRejectedException(purpose, AttachmentRejectedException.Reason.TOO_LARGE,
                    cleanName + " " + content.length);
        }
        AttachmentKind kind = byName(cleanName).filter(allowed::contains).orElseThrow(
                () -> new AttachmentRejectedException(purpose, AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED, cleanName));
        if (!kind.matches(Arrays.copyOf(content, Math.min(content.length, 4096)))) {
            throw new AttachmentRejectedException(purpose, AttachmentRejectedException.Reason.CONTENT_MISMATCH,
                    cleanName + " is not " + kind);
        }
        return kind;
    }

    /** The kind a file name claims, by its extension. */
    public static Optional<AttachmentKind> byName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> Arrays.asList(k.extensions).contains(ext)).findFirst();
    }

    /** Whether the content starts as this kind of file does (plain text: no NUL bytes in the start). */
    public boolean matches(byte[] head) {
        if (magic == null) {
            for (int i = 0; i < Math.min(head.length, 4096); i++) {
                if (head[i] == 0) {
                    return false;
                }
            }
            return true;
        }
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    /** A file name safe to store and send back: no path, no control characters, at most 200 characters. */
    public static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
