package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.SharedRedis;
import dev.stackadvisor.config.AppConfig;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every group of routes needs: the configuration, the services (null until the indexes are loaded) and
 * the JSON mapper.
 *
 * @param config   the configuration
 * @param services null until start-up has loaded the indexes
 * @param json     the one Jackson mapper of the server
 * @param redis    the Redis replicas share, empty when state is kept in this process's memory
 */
public record RouteContext(AppConfig config, Supplier<Services> services, ObjectMapper json, Optional<SharedRedis> redis) {

    /**
     * The services, or a 503 {@code not_ready} while they load or warm up.
     *
     * @throws ApiException 503 before the indexes are loaded and warmed
     */
    public Services ready() {
        Services s = loaded();
        if (!s.library().ready()) {
            throw new ApiException(503, "not_ready", "warming up before taking traffic; retry in a few seconds");
        }
        return s;
    }

    /**
     * The services once the indexes are loaded, warmed or not: what the warm-up's own requests are answered from.
     *
     * @throws ApiException 503 before the indexes are loaded
     */
    public Services loaded() {
        Services s = services.get();
        if (s == null) {
            throw new ApiException(503, "not_ready", "the indexes are still loading; retry in a few seconds");
        }
        return s;
    }
}
