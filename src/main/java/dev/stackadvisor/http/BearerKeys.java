package dev.stackadvisor.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;

/**
 * A set of secret keys a request shows as {@code Authorization: Bearer <key>}. Keys are held and compared as
 * SHA-256 digests with {@link MessageDigest#isEqual} (constant time, and no length leak), and never logged.
 */
final class BearerKeys {

    private final List<byte[]> digests;

    BearerKeys(Collection<String> keys) {
        this.digests = keys.stream().map(BearerKeys::sha256).toList();
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** Whether {@code given} (a digest from {@link #bearer}) is one of the keys. */
    boolean matches(byte[] given) {
        return given != null && digests.stream().anyMatch(k -> MessageDigest.isEqual(k, given));
    }

    /** The SHA-256 of the request's bearer token, or null when it sends none. */
    static byte[] bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).trim();
        return key.isEmpty() ? null : sha256(key);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
