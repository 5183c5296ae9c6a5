package dev.stackadvisor.http;

import io.javalin.config.JavalinConfig;

/** Placeholder registration hook, filled in by the channel issue. */
final class OpenAiRoutes {

    private OpenAiRoutes() {
    }

    static void register(JavalinConfig c, RouteContext rc) {
        // routes of this channel are registered here
    }
}
