package dev.stackadvisor.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests to the document API ({@code /api/documents}) of a {@link TestServer}, with or without an admin key. */
public final class DocumentClient {

    private final TestServer server;

    public DocumentClient(TestServer server) {
        this.server = server;
    }

    /** The JSON body of an upload: the fields given, nulls left out, in order. */
    public static String documentJson(String id, String title, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", title);
        body.put("publisher", "Stack Advisor tests");
        body.put("date", "2026-11-28");
        body.put("format", "txt");
        body.put("text", text);
        return TestServer.toJson(body);
    }

    /** {@code POST /api/documents} with a JSON body, {@code Authorization: Bearer <key>} unless key is null. */
    public TestServer.Response upload(String key, String contentType, String body) {
        // over a plain socket that reads while it writes: a body over the limit is refused unread with a 413 and
        // the connection closed, which java.net.http reports as "no bytes" instead of the response
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        return server.postRaw("/api/documents", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code POST /api/documents} as {@code multipart/form-data}: the form fields, then the text as the part
     * {@code file} named {@code fileName} (no file part when it is null).
     */
    public TestServer.Response uploadMultipart(String key, Map<String, String> fields, String fileName, String text) {
        return uploadMultipart(key, fields, fileName, text, false);
    }

    /**
     * As {@link #uploadMultipart(String, Map, String, String)}; {@code chunked} sends the body without a
     * Content-Length (chunked transfer encoding), so only the server's multipart parser learns its size.
     */
    public TestServer.Response uploadMultipart(String key, Map<String, String> fields, String fileName, String text,
                                               boolean chunked) {
        String boundary = "----stack-advisor-test-boundary";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        if (fileName != null) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                    .append("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        }
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (fileName != null) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        byte[] body = out.toByteArray();
        if (chunked) {
            // chunked transfer encoding, 8 KiB chunks: "size in hex CRLF data CRLF", ended by "0 CRLF CRLF"
            headers.put("Transfer-Encoding", "chunked");
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            for (int at = 0; at < body.length; at += 8192) {
                int n = Math.min(8192, body.length - at);
                encoded.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                encoded.write(body, at, n);
                encoded.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            encoded.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            body = encoded.toByteArray();
        }
        // over a plain socket that reads while it writes (see upload)
        return server.postRaw("/api/documents", headers, body);
    }

    /** {@code DELETE /api/documents/{id}}. */
    public TestServer.Response delete(String key, String id) {
        return server.send(auth(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/documents/" + id)).DELETE(), key));
    }

    /** {@code GET /api/documents/{id}/passages}. */
    public TestServer.Response passages(String id) {
        return server.get("/api/documents/" + id + "/passages");
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String key) {
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }
}
