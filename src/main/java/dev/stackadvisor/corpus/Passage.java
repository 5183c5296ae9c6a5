package dev.stackadvisor.corpus;

import java.util.List;

/**
 * A retrievable chunk: consecutive sentences of one section, small enough for MiniLM's 128 word-piece
 * window together with its heading.
 *
 * @param id         {@code <documentId>#<ordinal>}, stable for a given corpus and segmenter version
 * @param documentId the document it belongs to
 * @param section    the heading path it sits under ("Django (Python) › Strengths"), or "" at the top
 * @param start      char offset of its first sentence in the document text
 * @param end        char offset after its last sentence
 * @param indexText  what is embedded and keyword-indexed: the section heading, then the sentences as
 *                   an answer would state them (table cells with their column names)
 * @param sentences  the sentences, in document order
 * @param frameworks canonical names of every framework the passage is about or names, sorted
 */
public record Passage(String id, String documentId, String section, int start, int end, String indexText,
                      List<Sentence> sentences, List<String> frameworks) {
    public Passage {
        sentences = List.copyOf(sentences);
        frameworks = List.copyOf(frameworks);
    }

    /** The last heading of its heading path ("Strengths" of "Django (Python) › Strengths"), "" at the top. */
    public String leafHeading() {
        int at = section.lastIndexOf(" › ");
        return (at < 0 ? section : section.substring(at + " › ".length())).strip();
    }

    /** True when the passage names or is about the framework with this canonical name. */
    public boolean isAbout(String framework) {
        return frameworks.contains(framework);
    }
}
