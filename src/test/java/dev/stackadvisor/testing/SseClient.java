package dev.stackadvisor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads server-sent events from a POST, as a browser's fetch() reader would. */
public final class SseClient {

    /** One event: its name and its JSON data. */
    public record Event(String name, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseClient() {
    }

    /**
     * POSTs {@code json} and reads events until the stream ends or {@code stopAfter} says so; then closes the
     * connection (which, mid-stream, is a client going away).
     */
    public static List<Event> post(String url, String json, Predicate<List<Event>> stopAfter) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        List<Event> events = new ArrayList<>();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (InputStream body = response.body();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name != null) {
                        events.add(new Event(name, JSON.readTree(data.toString())));
                        name = null;
                        data.setLength(0);
                        if (stopAfter.test(events)) {
                            return events;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Reads the whole stream. */
    public static List<Event> post(String url, String json) {
        return post(url, json, events -> false);
    }
}
