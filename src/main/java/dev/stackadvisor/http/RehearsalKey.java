package dev.stackadvisor.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Marks the start-up warm-up's own requests (issue 22): the server asks itself generated questions on
 * {@code POST /api/chat} over loopback ({@link LoopbackAsker}) before {@code /ready}, so that the JIT compiles the
 * HTTP server, JSON, the filters and the chat turn, not only the answer path, before the first user. A request is
 * a rehearsal when it carries {@link #HEADER} with this process's key: 32 random bytes (hex), made at start-up, never
 * logged nor written anywhere, compared in constant time ({@link MessageDigest#isEqual}). A rehearsal is answered
 * before ready, needs no API key and takes no rate-limit token; it is answered by {@code Services.rehearsal()}
 * (its own sessions, answer cache and meters; nothing recorded for feedback), and its timing and access line go
 * nowhere a user sees ({@link HttpMetrics}, {@link RequestIds}). A wrong or absent key makes an ordinary request.
 * Immutable, thread-safe.
 */
public final class RehearsalKey {

    /** The request header that carries the key. */
    public static final String HEADER = "X-Advisor-Rehearsal";
    private static final String MARK = "rehearsal";

    private final byte[] key;

    private RehearsalKey(byte[] key) {
        this.key = key;
    }

    /** A new random key (SecureRandom, 256 bits): one per server process. */
    public static RehearsalKey random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new RehearsalKey(HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value a rehearsal sends (64 hex digits). Never log it. */
    String value() {
        return new String(key, StandardCharsets.US_ASCII);
    }

    /** Before-filter: marks a {@code POST /api/chat} that carries the key. */
    void before(Context ctx) {
        if (ctx.method() != HandlerType.POST || !"/api/chat".equals(ctx.path())) {
            return;
        }
        String given = ctx.header(HEADER);
        if (given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.US_ASCII))) {
            ctx.attribute(MARK, Boolean.TRUE);
        }
    }

    /** Whether {@code ctx} was marked a rehearsal by {@link #before}. */
    static boolean marked(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(MARK));
    }
}
