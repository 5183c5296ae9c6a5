package dev.stackadvisor.index;

import dev.stackadvisor.corpus.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The deterministic keyword scorer: Lucene BM25 (k1 = 1.2, b = 0.75, Lucene's defaults) over each passage's
 * index text, analysed with Lucene's {@link EnglishAnalyzer} (stop words, possessives, Porter stemming) behind
 * a char filter that unifies the spellings of "real-time" ({@link SearchAnalyzer}).
 * In memory; built once at start-up in a few milliseconds. Thread-safe for searching.
 */
public final class KeywordIndex {

    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String FRAMEWORK = "framework";

    private final Analyzer analyzer = new SearchAnalyzer();
    private final Analyzer questions = new QueryTermAnalyzer();
    private final IndexSearcher searcher;
    private final Map<String, Passage> byId = new LinkedHashMap<>();
    private final DirectoryReader reader;
    /** Passage of each Lucene doc id, read from the stored ids once, so a search reads no stored fields. */
    private final Passage[] byDoc;
    /**
     * Document frequency of every stem of the text field, read once after indexing: the index never changes, and
     * a lookup in Lucene's terms dictionary (an FST walk per call) was ~9 % of a request's Java time under load
     * (question words are looked up for the speller and the cue reading). Bounded by the corpus vocabulary.
     */
    private final Map<String, Integer> docFreqs;
    /** Term statistics per stem the index holds (read-only once built, so shared by concurrent searches). */
    private final Map<String, TermStates> termStates = new ConcurrentHashMap<>();

    /** Indexes {@code passages}; ids must be unique. */
    public KeywordIndex(List<Passage> passages) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Passage p : passages) {
                byId.put(p.id(), p);
                Document doc = new Document();
                doc.add(new StringField(ID, p.id(), Field.Store.YES));
                doc.add(new TextField(TEXT, p.indexText(), Field.Store.NO));
                for (String f : p.frameworks()) {
                    doc.add(new StringField(FRAMEWORK, f, Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory BM25 index failed", e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        docFreqs = readDocFreqs(reader);
        byDoc = new Passage[reader.maxDoc()];
        try {
            org.apache.lucene.index.StoredFields stored = searcher.storedFields();
            for (int doc = 0; doc < byDoc.length; doc++) {
                byDoc[doc] = byId.get(stored.document(doc).get(ID));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the in-memory BM25 index failed", e);
        }
    }

    /**
     * The analysed terms of {@code text} (lower-cased, stop words removed, stemmed), in order, repeats kept.
     * Exposed so that the relevance gate reasons about the same terms BM25 scores.
     */
    public List<String> terms(String text) {
        return terms(analyzer, text);
    }

    /** The terms {@code analyzer} makes of {@code text}, in order, repeats kept. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A question's terms: first the user's own words exactly as {@link #terms} reads them ({@code synonym}
     * false), then what the question-side analyzer ({@link QueryTermAnalyzer}) adds from the synonyms file
     * ({@code synonym} true), each with the offsets of the words it stands for. Positions are those of the
     * synonym graph for the added terms and the word index for the user's own.
     */
    public List<QueryToken> analyzeQuery(String text) {
        List<QueryToken> own = tokens(analyzer, text, false);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (QueryToken t : own) {
            seen.add(t.term() + "@" + t.start() + ":" + t.end());
        }
        List<QueryToken> out = new ArrayList<>(own);
        for (QueryToken t : tokens(questions, text, true)) {
            if (!seen.contains(t.term() + "@" + t.start() + ":" + t.end())) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<QueryToken> tokens(Analyzer analyzer, String text, boolean synonym) {
        List<QueryToken> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new QueryToken(term.toString(), offset.startOffset(), offset.endOffset(), position, synonym));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** How many passages contain the analysed term (0 when the corpus never uses it). */
    public int documentFrequency(String term) {
        return docFreqs.getOrDefault(term, 0);
    }

    /** Every stem of the text field with its document frequency, as {@code reader.docFreq} reports it. */
    private static Map<String, Integer> readDocFreqs(DirectoryReader reader) {
        Map<String, Integer> out = new HashMap<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, TEXT);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    out.put(term.utf8ToString(), it.docFreq());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the BM25 index's terms failed", e);
        }
        return Map.copyOf(out);
    }

    /** Number of passages indexed. */
    public int size() {
        return byId.size();
    }

    /**
     * BM25 top passages for weighted query terms.
     *
     * @param weightedTerms analysed terms (see {@link #terms}) with a boost each (1.0 = normal)
     * @param framework     when not null, only passages about this canonical framework name
     * @param limit         at most this many results, best first
     * @return passages with their BM25 scores; ties broken by passage order, so results are reproducible
     */
    public List<ScoredPassage> search(Map<String, Double> weightedTerms, String framework, int limit) {
        if (weightedTerms.isEmpty() || limit <= 0) {
            return List.of();
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> e : weightedTerms.entrySet()) {
            Query q = termQuery(e.getKey());
            terms.add(e.getValue() == 1.0 ? q : new BoostQuery(q, e.getValue().floatValue()), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(terms.build(), BooleanClause.Occur.MUST);
        if (framework != null) {
            query.add(new TermQuery(new Term(FRAMEWORK, framework)), BooleanClause.Occur.FILTER);
        }
        try {
            if (limit < byDoc.length) {
                ScoreDoc[] hits = searcher.search(query.build(), limit).scoreDocs;
                List<ScoredPassage> out = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    out.add(new ScoredPassage(byDoc[hit.doc], hit.score));
                }
                return out;
            }
            // every match wanted: collect them all and sort as TopDocs orders them (score, then doc id), without
            // the top-k heap that a limit of the whole index would fill with placeholders first
            int maxDoc = byDoc.length;
            AllMatches all = searcher.search(query.build(), new CollectorManager<AllMatches, AllMatches>() {
                @Override
                public AllMatches newCollector() {
                    return new AllMatches(maxDoc);
                }

                @Override
                public AllMatches reduce(Collection<AllMatches> collectors) {
                    AllMatches merged = new AllMatches(maxDoc);
                    collectors.forEach(merged::addAll);
                    return merged;
                }
            });
            return all.ranked(byDoc);
        } catch (IOException e) {
            throw new UncheckedIOException("BM25 search failed", e);
        }
    }

    /**
     * A query for one stem of the text field, with its term statistics looked up once per stem for the life of the
     * index (it never changes) instead of once per query: the lookup was a third of a BM25 search. Only stems the
     * index holds are kept, so the map is bounded by the corpus vocabulary whatever users type.
     */
    private Query termQuery(String stem) {
        TermStates states = termStates.get(stem);
        Term term = new Term(TEXT, stem);
        if (states == null) {
            try {
                states = TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException("BM25 term lookup failed", e);
            }
            if (states.docFreq() > 0) {
                termStates.putIfAbsent(stem, states);
            }
        }
        return new TermQuery(term, states);
    }

    /** Collects every matching doc with its BM25 score. One per search slice; not thread-safe. */
    private static final class AllMatches extends SimpleCollector {
        private final int[] docs;
        private final float[] scores;
        private int count;
        private int docBase;
        private Scorable scorer;

        AllMatches(int maxDoc) {
            docs = new int[maxDoc];
            scores = new float[maxDoc];
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            docs[count] = docBase + doc;
            scores[count] = scorer.score();
            count++;
        }

        void addAll(AllMatches other) {
            System.arraycopy(other.docs, 0, docs, count, other.count);
            System.arraycopy(other.scores, 0, scores, count, other.count);
            count += other.count;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        List<ScoredPassage> ranked(Passage[] byDoc) {
            double[] wide = new double[count];
            for (int i = 0; i < count; i++) {
                wide[i] = scores[i];
            }
            int[] order = ScoreOrder.descending(wide, docs, count); // BM25 scores are > 0: ties by doc id
            List<ScoredPassage> out = new ArrayList<>(count);
            for (int i : order) {
                out.add(new ScoredPassage(byDoc[docs[i]], scores[i]));
            }
            return out;
        }
    }
}
