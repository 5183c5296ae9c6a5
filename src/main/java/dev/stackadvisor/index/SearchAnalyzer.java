package dev.stackadvisor.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * How BM25 indexes passages and sentences and reads a question's own words: the {@code passages} chain of
 * {@link AnalysisChains#RESOURCE} (Lucene's {@code EnglishAnalyzer} chain, stop words, possessives, Porter stemming,
 * behind a char filter that writes "real-time", "real time" and "realtime" alike; the file says why).
 */
final class SearchAnalyzer extends DelegatingAnalyzerWrapper {

    private final Analyzer chain = AnalysisChains.build(AnalysisChains.PASSAGES);

    /** @throws IllegalStateException when the chain's configuration is malformed */
    SearchAnalyzer() {
        super(GLOBAL_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }
}
