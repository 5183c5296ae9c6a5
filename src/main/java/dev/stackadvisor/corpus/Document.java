package dev.stackadvisor.corpus;

import java.util.Objects;

/**
 * One article of the corpus, its text exactly as the file holds it.
 *
 * @param id        the file stem in {@code corpus/} (e.g. {@code 012_edge-notes} for {@code 012_edge-notes.md}); citations name it
 * @param title     the article's title, or a short description where the text gives none
 * @param publisher the publisher, or {@code null} when the source does not give one
 * @param author    the author, or {@code null}
 * @param date      publication date as ISO {@code yyyy-MM-dd}, or {@code null}
 * @param url       where it was captured from, or {@code null}
 * @param text      the verbatim article text; every passage and quote is a span of it
 */
public record Document(String id, String title, String publisher, String author, String date, String url, String text) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
