package org.utilitydesk.sql;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes that carry their own parameters, {@code algorithm:iterations:base64 salt:base64 key}
 * (the format of Jakarta Security's {@code Pbkdf2PasswordHash} and of {@code server-config/bin/add-user}), so the
 * parameters can be raised later: a hash made with weaker ones still verifies, and {@link #outdated} says it should
 * be made again with the current ones the next time its password is known (at a login). The application's login
 * ({@code UserStore}) and the tools that create users ({@code add-user}, the demo data) share it.
 */
public final class PasswordHashing {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Today's iterations: the application's default ({@code utilitydesk.security.pbkdf2-iterations}) and the tools'. */
    public static final int DEFAULT_ITERATIONS = 120_000;
    /** Hashes with today's parameters. */
    public static final PasswordHashing TODAY = new PasswordHashing(DEFAULT_ITERATIONS);
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    /** Below this a stored hash is not believed (a hash with 1 iteration would verify a password in no time). */
    private static final int FEWEST_ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHashing(int iterations) {
        if (iterations < FEWEST_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 with " + iterations + " iterations is too weak");
        }
        this.iterations = iterations;
    }

    /** A new hash of this password with the current parameters and a salt of its own. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(ALGORITHM, password, salt, iterations, KEY_BYTES));
    }

    /**
     * Whether the password matches the stored hash. Takes as long as the stored hash's parameters make it, whether
     * it matches or not; an unreadable hash matches nothing.
     */
    public boolean verify(char[] password, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] computed = derive(p.algorithm(), password, p.salt(), p.iterations(), p.key().length);
        return MessageDigest.isEqual(computed, p.key());
    }

    /** Whether the stored hash was made with other (weaker or different) parameters than the current ones. */
    public boolean outdated(String stored) {
        return parse(stored).map(p -> !p.algorithm().equals(ALGORITHM) || p.iterations() < iterations
                || p.salt().length < SALT_BYTES || p.key().length < KEY_BYTES).orElse(true);
    }

    public int iterations() {
        return iterations;
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {
    }

    private static Optional<Parsed> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmacSHA")) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (n < FEWEST_ITERATIONS || n > 10_000_000 || salt.length < 8 || key.length < 16 || key.length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(parts[0], n, salt, key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
