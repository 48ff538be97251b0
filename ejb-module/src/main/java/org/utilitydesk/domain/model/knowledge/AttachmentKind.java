package org.utilitydesk.domain.model.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file an article may carry, each recognised by its first bytes as well as its name, so a
 * renamed executable is not accepted as a photo. At most {@link #MAX_BYTES} each.
 */
public enum AttachmentKind {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
    PDF("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII), "pdf"),
    TEXT("text/plain; charset=UTF-8", null, "txt");

    public static final long MAX_BYTES = 10L * 1024 * 1024;

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
