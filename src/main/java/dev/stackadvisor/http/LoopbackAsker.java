package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.chat.IndexSnapshot;
import dev.stackadvisor.chat.Warmup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Asks a warm-up question through the server's own {@code POST /api/chat}, as a client would, marked with the
 * process's {@link RehearsalKey}: the JDK's HTTP client, HTTP/1.1 with keep-alive (one connection per warm-up
 * thread), to the bound interface, or 127.0.0.1 when the server listens on every interface. The snapshot argument is
 * not used: the route answers from the current one, which at start-up is the one being warmed (re-indexes wait for
 * the start-up warm-up). Thread-safe.
 */
public final class LoopbackAsker implements Warmup.Asker {

    /** Longest a warm-up question may take, connection included; a slower one fails the run (logged). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = HttpApi.objectMapper();
    private final URI chat;
    private final String key;

    /**
     * @param host the interface the server is bound to ({@code HOST}): a wildcard ({@code 0.0.0.0}, {@code ::}) is
     *             reached on 127.0.0.1
     * @param port the port it listens on
     * @param key  this process's rehearsal key
     */
    public LoopbackAsker(String host, int port, RehearsalKey key) {
        this.chat = URI.create("http://" + authority(host) + ":" + port + "/api/chat");
        this.key = key.value();
    }

    /** The host part of a URL reaching {@code host}: IPv6 literals in brackets, wildcards as 127.0.0.1. */
    static String authority(String host) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            return "127.0.0.1";
        }
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /**
     * Posts {@code {"message": question}} and reads the whole answer.
     *
     * @throws IOException when the request fails or is answered with anything but 200 (status and the start of the
     *                     body in the message)
     */
    @Override
    public void ask(IndexSnapshot snapshot, String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(chat).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header(RehearsalKey.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", question))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IOException("warm-up request to " + chat + " answered " + response.statusCode() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
    }
}
