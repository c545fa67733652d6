package org.visionbook.toolkit.check;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.visionbook.toolkit.display.Escape;

/**
 * How a graded cell's result travels from the notebook's JVM to the grader without the student's
 * code being able to forge it.
 *
 * <p>Each result is one line: the result as JSON (base64url), a dot, and an HMAC-SHA256 of that
 * JSON under a key made fresh for each run. The grader writes the key to a private file; the
 * harness reads and deletes it before any student cell runs, so printed text, displayed output
 * or files written by student code never carry a valid signature and are ignored.
 */
public final class ResultProtocol {

    /** Version of the JSON inside a record; the grader refuses others. */
    public static final int VERSION = 1;

    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResultProtocol() {
    }

    /** A fresh random key (256 bits) as hex, as it is written to the key file. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** A fresh random nonce (128 bits) as hex, naming one graded cell in one run. */
    public static String newNonce() {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }

    /** Parses a hex key; fails on anything else. */
    public static byte[] parseKey(String hex) {
        byte[] key = HexFormat.of().parseHex(hex.strip());
        if (key.length < 16) {
            throw new IllegalArgumentException("a result key needs at least 128 bits, got " + key.length * 8);
        }
        return key;
    }

    /** One signed line for {@code json} (no line break). */
    public static String sign(byte[] key, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + HexFormat.of().formatHex(mac(key, payload));
    }

    /** The JSON in {@code line} if its signature is valid under {@code key}; empty otherwise. */
    public static Optional<String> verify(byte[] key, String line) {
        int dot = line.indexOf('.');
        if (dot <= 0 || dot != line.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(line.substring(0, dot));
            byte[] signature = HexFormat.of().parseHex(line.substring(dot + 1).strip());
            if (!MessageDigest.isEqual(signature, mac(key, payload))) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** {@code s} as a JSON string literal. */
    static String json(String s) {
        return s == null ? "null" : Escape.quoted(s);
    }


    static String json(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }
}
