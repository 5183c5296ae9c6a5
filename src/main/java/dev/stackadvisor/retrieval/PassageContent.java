package dev.stackadvisor.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scored passage as langchain4j's {@link Content}, what our retrievers return through {@code ContentRetriever}: the
 * passage's index text in a {@link TextSegment} whose metadata holds {@value #PASSAGE_ID} and {@value #DOCUMENT_ID},
 * and the ranker's score (BM25, or cosine in [-1, 1]) as {@link ContentMetadata#SCORE}. Content equality is the
 * segment's (text and segment metadata, not the score), so langchain4j's fuser and aggregators merge the same passage
 * from two rankings, and the passage id keeps two passages with the same words two contents.
 */
public final class PassageContent {

    /** Segment metadata key: the passage id, {@code <documentId>#<ordinal>}. */
    public static final String PASSAGE_ID = "passage_id";
    /** Segment metadata key: the document id, the article's file stem. */
    public static final String DOCUMENT_ID = "document_id";

    private PassageContent() {
    }

    /** The content of one scored passage. */
    public static Content of(ScoredPassage scored) {
        Passage p = scored.passage();
        TextSegment segment = TextSegment.from(p.indexText(),
                Metadata.from(Map.of(PASSAGE_ID, p.id(), DOCUMENT_ID, p.documentId())));
        return Content.from(segment, Map.of(ContentMetadata.SCORE, scored.score()));
    }

    /** The contents of a ranking, in its order. */
    public static List<Content> of(List<ScoredPassage> ranking) {
        List<Content> out = new ArrayList<>(ranking.size());
        for (ScoredPassage s : ranking) {
            out.add(of(s));
        }
        return out;
    }

    /**
     * The passage id a content carries.
     *
     * @throws IllegalArgumentException when the content was not made by {@link #of(ScoredPassage)}
     */
    public static String passageId(Content content) {
        String id = content.textSegment().metadata().getString(PASSAGE_ID);
        if (id == null) {
            throw new IllegalArgumentException("the content carries no " + PASSAGE_ID);
        }
        return id;
    }
}
