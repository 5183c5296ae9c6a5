package dev.stackadvisor.http;

import dev.stackadvisor.config.AppConfig;
import io.javalin.http.Context;

/**
 * Admin-only routes other than document ingestion (which says more, see {@link DocumentRoutes}): one of
 * {@code ADVISOR_ADMIN_KEYS} as {@code Authorization: Bearer <key>}, compared in constant time ({@link BearerKeys}).
 */
final class AdminGuard {

    private final BearerKeys adminKeys;

    AdminGuard(AppConfig config) {
        this.adminKeys = new BearerKeys(config.adminKeys());
    }

    /**
     * Lets an admin through.
     *
     * @param what what the route does, for the messages ("listing feedback")
     * @throws ApiException 403 {@code admin_disabled} without admin keys, 401 {@code unauthorized} without a bearer
     *                      key, 403 {@code forbidden} with one that is not an admin key
     */
    void require(Context ctx, String what) {
        if (adminKeys.isEmpty()) {
            throw new ApiException(403, "admin_disabled", what + " needs an admin key and none is configured: set ADVISOR_ADMIN_KEYS");
        }
        byte[] given = BearerKeys.bearer(ctx);
        if (given == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", what + " needs an admin key: send Authorization: Bearer <key>");
        }
        if (!adminKeys.matches(given)) {
            throw new ApiException(403, "forbidden", "this key may not be used for " + what + " (not one of ADVISOR_ADMIN_KEYS)");
        }
    }
}
