package dev.stackadvisor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stackadvisor.chat.DocumentException;
import dev.stackadvisor.chat.DocumentService;
import dev.stackadvisor.config.AppConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.http.BadMessageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runtime ingestion: {@code POST /api/documents} (a JSON body or a multipart upload), {@code DELETE
 * /api/documents/{id}}, {@code GET /api/documents/{id}/passages}. Adding and deleting need one of
 * {@code ADVISOR_ADMIN_KEYS} as {@code Authorization: Bearer <key>} (401 without a key, 403 with another one);
 * without admin keys they answer 403 {@code ingestion_disabled}. Handlers parse, call {@link DocumentService},
 * respond; its {@link DocumentException}s become 400/404/409/413/422 in {@link HttpApi}.
 */
final class DocumentRoutes {

    /** Room for the metadata and JSON escaping besides the text itself, bytes. */
    static final int ENVELOPE_BYTES = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("id", "title", "publisher", "author", "url", "date", "format", "text");

    private final RouteContext rc;
    private final BearerKeys adminKeys;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    private DocumentRoutes(RouteContext rc) {
        this.rc = rc;
        this.adminKeys = new BearerKeys(rc.config().adminKeys());
        this.maxBodyBytes = maxBodyBytes(rc.config());
        // the server's mapper caps strings at 64 K characters; a document's text may be as long as the body (the
        // body is bounded before parsing, and a text over the document limit is then a 413, not a parse error)
        this.json = JsonMapper.builder().build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength((int) maxBodyBytes).maxNumberLength(64).build());
    }

    /** The largest upload request: the document limit plus {@link #ENVELOPE_BYTES}. */
    static long maxBodyBytes(AppConfig config) {
        return (long) config.maxDocumentBytes() + ENVELOPE_BYTES;
    }

    static void register(JavalinConfig c, RouteContext rc) {
        DocumentRoutes h = new DocumentRoutes(rc);
        long max = maxBodyBytes(rc.config());
        c.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(max, SizeUnit.BYTES);
        c.routes.post("/api/documents", h::add);
        c.routes.delete("/api/documents/{id}", h::delete);
        c.routes.get("/api/documents/{id}/passages", h::passages);
    }

    void add(Context ctx) {
        requireAdmin(ctx);
        DocumentService documents = rc.ready().documents();
        if (ctx.contentLength() > maxBodyBytes) {
            throw tooLarge(documents.maxDocumentBytes());
        }
        DocumentService.NewDocument d = ctx.isMultipartFormData() ? multipart(ctx, documents.maxDocumentBytes()) : json(ctx, documents.maxDocumentBytes());
        ctx.status(201).json(documents.add(d));
    }

    void delete(Context ctx) {
        requireAdmin(ctx);
        ctx.json(rc.ready().documents().delete(ctx.pathParam("id")));
    }

    void passages(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", id);
        body.put("passages", rc.ready().documents().passages(id));
        ctx.json(body);
    }

    /**
     * @throws ApiException 403 {@code ingestion_disabled} without admin keys, 401 without a bearer key, 403
     *                      {@code forbidden} with one that is not an admin key
     */
    private void requireAdmin(Context ctx) {
        if (adminKeys.isEmpty()) {
            throw new ApiException(403, "ingestion_disabled",
                    "adding and deleting documents is disabled on this server: set ADVISOR_ADMIN_KEYS to enable it");
        }
        byte[] given = BearerKeys.bearer(ctx);
        if (given == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "changing documents needs an admin key: send Authorization: Bearer <key>");
        }
        if (!adminKeys.matches(given)) {
            throw new ApiException(403, "forbidden", "this key may not change documents (not one of ADVISOR_ADMIN_KEYS)");
        }
    }

    private DocumentService.NewDocument json(Context ctx, int maxDocumentBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "Content-Type must be application/json or "
                    + "multipart/form-data (got " + (type == null ? "none" : type) + ")");
        }
        byte[] body = readBounded(ctx.bodyInputStream(), maxBodyBytes, maxDocumentBytes);
        JsonBodies.requireUtf8(body);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with id, title and text");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; expected " + List.copyOf(new java.util.TreeSet<>(FIELDS)));
            }
            if (!root.get(name).isTextual() && !root.get(name).isNull()) {
                throw ApiException.badRequest("'" + name + "' must be a string");
            }
        }
        return new DocumentService.NewDocument(text(root, "id"), text(root, "title"), text(root, "publisher"),
                text(root, "author"), text(root, "url"), text(root, "date"), text(root, "format"), text(root, "text"));
    }

    /** Metadata as form fields, the text as the part {@code file}; the format defaults to the file's extension. */
    private static DocumentService.NewDocument multipart(Context ctx, int maxDocumentBytes) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw ApiException.badRequest("a multipart upload needs the document as the part 'file'");
        }
        if (file.size() > maxDocumentBytes) {
            throw tooLarge(maxDocumentBytes);
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = readBounded(in, maxDocumentBytes, maxDocumentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonBodies.requireUtf8(bytes);
        String format = ctx.formParam("format");
        if ((format == null || format.isBlank()) && file.extension() != null && !file.extension().isBlank()) {
            format = file.extension().replaceFirst("^\\.", "");
        }
        return new DocumentService.NewDocument(ctx.formParam("id"), ctx.formParam("title"), ctx.formParam("publisher"),
                ctx.formParam("author"), ctx.formParam("url"), ctx.formParam("date"), format,
                new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads at most {@code max} bytes; one more is a 413 (a chunked body declares no length). */
    private static byte[] readBounded(InputStream in, long max, int maxDocumentBytes) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(maxDocumentBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a multipart body Jetty could not parse means for the client: a file part over the limit (Jetty's
     * "max length exceeded", for bodies that declare no length) is a 413, any other malformed multipart a 400.
     *
     * @return null when {@code e} is not about a malformed request (our own failure: a 500)
     */
    static ApiException multipartError(ServletException e, AppConfig config) {
        boolean malformed = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("max length exceeded")) {
                return tooLarge(config.maxDocumentBytes());
            }
            malformed |= t instanceof BadMessageException;
        }
        return malformed ? ApiException.badRequest("malformed multipart/form-data body: send the metadata as form fields "
                + "and the document as the part 'file', with the boundary of the Content-Type header") : null;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static ApiException tooLarge(int maxDocumentBytes) {
        return new ApiException(413, "payload_too_large", "a document may be at most " + maxDocumentBytes
                + " bytes (ADVISOR_MAX_DOCUMENT_BYTES)");
    }
}
