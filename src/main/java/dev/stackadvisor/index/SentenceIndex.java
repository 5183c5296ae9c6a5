package dev.stackadvisor.index;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The sentence-level BM25 field of answer selection: one Lucene document per sentence (as an answer states it,
 * {@link Sentence#display()}), analysed like the passage index ({@link SearchAnalyzer}) and scored with Lucene's
 * {@link BM25Similarity} (k1 = 1.2, b = 0.75). Its statistics are the sentences' own, so a word common in the
 * corpus but rare among sentences still counts. Also holds each sentence's analysed stems, worked out once at
 * build time for the coverage measure. In memory; built in milliseconds; thread-safe for searching.
 */
public final class SentenceIndex {

    private static final String KEY = "key";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new SearchAnalyzer();
    private final IndexSearcher searcher;
    private final String[] keyByDoc;
    private final Map<String, Set<String>> stems = new HashMap<>();
    private final Map<String, Sentence> previous = new HashMap<>();

    /** Indexes every sentence of {@code passages} once (by {@link Sentence#key()}). */
    public SentenceIndex(List<Passage> passages) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        List<String> keys = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Passage p : passages) {
                for (Sentence s : p.sentences()) {
                    if (stems.containsKey(s.key())) {
                        continue;
                    }
                    stems.put(s.key(), Set.copyOf(KeywordIndex.terms(analyzer, s.display())));
                    Document doc = new Document();
                    doc.add(new StringField(KEY, s.key(), Field.Store.NO));
                    doc.add(new TextField(TEXT, s.display(), Field.Store.NO));
                    writer.addDocument(doc);
                    keys.add(s.key());
                }
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory sentence index failed", e);
        }
        searcher.setSimilarity(new BM25Similarity());
        keyByDoc = keys.toArray(String[]::new);
        Map<String, java.util.TreeMap<Integer, Sentence>> byDocument = new HashMap<>();
        for (Passage p : passages) {
            for (Sentence s : p.sentences()) {
                byDocument.computeIfAbsent(s.documentId(), d -> new java.util.TreeMap<>()).putIfAbsent(s.start(), s);
            }
        }
        for (java.util.TreeMap<Integer, Sentence> inOrder : byDocument.values()) {
            Sentence before = null;
            for (Sentence s : inOrder.values()) {
                if (before != null) {
                    previous.put(s.key(), before);
                }
                before = s;
            }
        }
    }

    /** The sentence before this one in its document (across passages), or null for a document's first. */
    public Sentence previous(String sentenceKey) {
        return previous.get(sentenceKey);
    }

    /** Analysed stems of a sentence's stated text (empty for an unknown key). */
    public Set<String> stems(String sentenceKey) {
        return stems.getOrDefault(sentenceKey, Set.of());
    }

    /**
     * BM25 scores of the given sentences for weighted query terms.
     *
     * @param weightedTerms analysed terms ({@link KeywordIndex#terms}) with a boost each (1.0 = normal)
     * @param sentenceKeys  the candidates ({@link Sentence#key()}); others are not scored
     * @return score (&gt; 0) by sentence key, only for candidates holding at least one term
     */
    public Map<String, Double> score(Map<String, Double> weightedTerms, Collection<String> sentenceKeys) {
        Map<String, Double> out = new HashMap<>();
        if (weightedTerms.isEmpty() || sentenceKeys.isEmpty()) {
            return out;
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> e : weightedTerms.entrySet()) {
            Query q = new TermQuery(new Term(TEXT, e.getKey()));
            terms.add(e.getValue() == 1.0 ? q : new BoostQuery(q, e.getValue().floatValue()), BooleanClause.Occur.SHOULD);
        }
        Set<BytesRef> keys = new LinkedHashSet<>();
        sentenceKeys.forEach(k -> keys.add(new BytesRef(k)));
        Query query = new BooleanQuery.Builder()
                .add(terms.build(), BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(KEY, keys), BooleanClause.Occur.FILTER)
                .build();
        try {
            for (ScoreDoc hit : searcher.search(query, Math.max(1, keys.size())).scoreDocs) {
                out.put(keyByDoc[hit.doc], (double) hit.score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sentence BM25 search failed", e);
        }
        return out;
    }
}
