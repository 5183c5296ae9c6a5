package dev.stackadvisor.chat;

/**
 * A document request the corpus cannot take, with why; the HTTP layer maps {@link #kind()} to a status.
 */
public final class DocumentException extends RuntimeException {

    /** What went wrong, from the client's side. */
    public enum Kind {
        /** A field is missing or malformed (400). */
        INVALID,
        /** No document has this id (404). */
        NOT_FOUND,
        /** The id is taken, or the change would leave the corpus empty (409). */
        CONFLICT,
        /** The text is over {@code ADVISOR_MAX_DOCUMENT_BYTES} (413). */
        TOO_LARGE,
        /** Well-formed, but the corpus it leads to cannot be indexed, e.g. no passage could be cut (422). */
        UNINDEXABLE
    }

    private final Kind kind;

    /** @param message what is wrong and how to fix it, safe to show the client */
    public DocumentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
