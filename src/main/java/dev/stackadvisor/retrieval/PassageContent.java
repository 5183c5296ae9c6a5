package dev.stackadvisor.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.stackadvisor.corpus.Passage;
import java.util.Map;

/**
 * A passage as langchain4j {@link Content}, for {@link dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser}:
 * one instance per passage, made at start-up, equal only to itself. The fuser keys its score map by content;
 * langchain4j's own {@code DefaultContent} hashes its text segment's metadata map on every lookup (0.6 % of the
 * server's CPU under uncached load, async-profiler, docs/benchmarks.md), identity costs nothing and, since each
 * passage has exactly one instance, means the same thing here.
 */
final class PassageContent implements Content {

    private final Passage passage;
    private final TextSegment segment;

    /** @param passage the passage; its segment is its index text with metadata {@code passageId} */
    PassageContent(Passage passage) {
        this.passage = passage;
        this.segment = TextSegment.from(passage.indexText(), Metadata.from("passageId", passage.id()));
    }

    /** The passage this content stands for. */
    Passage passage() {
        return passage;
    }

    @Override
    public TextSegment textSegment() {
        return segment;
    }

    /** No content metadata (no score or embedding id travels with it). */
    @Override
    public Map<ContentMetadata, Object> metadata() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "PassageContent[" + passage.id() + "]";
    }
}
