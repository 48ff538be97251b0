package org.utilitydesk.interfaces.facade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who an anonymous portal visitor is, for one vote per article: a digest of what identifies them (the web
 * session, or address and browser for the API), never the thing itself.
 */
public final class PortalVisitor {

    private PortalVisitor() {
    }

    public static String of(String... identifying) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : identifying) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
