package dev.stackadvisor.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which {@code response_url}s we will POST to. The URL comes in the request body, so following any URL would
 * let whoever holds a valid signature make this server call hosts of their choosing (server-side request
 * forgery). Allowed: {@code https://hooks.slack.com/…} (where Slack's response URLs live) and the scheme, host
 * and port of {@code SLACK_API_BASE_URL} (so a test or proxy standing in for Slack works). No user-info part,
 * no other host, no other port. Pure, thread-safe.
 */
public final class ResponseUrlPolicy {

    /** The host of Slack's response URLs. */
    public static final String SLACK_HOOKS_HOST = "hooks.slack.com";

    private final URI apiBase;

    /**
     * @param apiBaseUrl {@code SLACK_API_BASE_URL}, e.g. {@code https://slack.com/api}
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public ResponseUrlPolicy(String apiBaseUrl) {
        this.apiBase = parse(apiBaseUrl).orElseThrow(() ->
                new IllegalArgumentException("SLACK_API_BASE_URL must be an absolute http(s) URL: " + apiBaseUrl));
    }

    /**
     * The URL to post to, when allowed.
     *
     * @return empty when {@code url} is malformed or points anywhere else
     */
    public Optional<URI> allowed(String url) {
        return parse(url).filter(u -> isSlackHooks(u) || sameOrigin(u, apiBase));
    }

    private static boolean isSlackHooks(URI u) {
        return scheme(u).equals("https") && host(u).equals(SLACK_HOOKS_HOST) && port(u) == 443;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && host(a).equals(host(b)) && port(a) == port(b);
    }

    private static String scheme(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String host(URI u) {
        return u.getHost().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : scheme(u).equals("https") ? 443 : 80;
    }

    /** An absolute http(s) URL with a host and no user-info part; else empty. */
    private static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = scheme(u);
            return scheme.equals("https") || scheme.equals("http") ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
