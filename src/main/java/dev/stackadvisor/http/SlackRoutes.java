package dev.stackadvisor.http;

import io.javalin.config.JavalinConfig;

/** Placeholder registration hook, filled in by the channel issue. */
final class SlackRoutes {

    private SlackRoutes() {
    }

    static void register(JavalinConfig c, RouteContext rc) {
        // routes of this channel are registered here
    }
}
