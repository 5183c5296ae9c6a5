package dev.stackadvisor.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * How the entries of the synonyms file are read: the {@code synonymEntries} chain of {@link AnalysisChains#RESOURCE}
 * (the question chain up to the stems). Lucene's {@code SynonymGraphFilterFactory} takes the analyzer to parse its
 * file with by class name and makes it with a public no-argument constructor, hence a public class; nothing else
 * uses it.
 */
public final class SynonymEntryAnalyzer extends DelegatingAnalyzerWrapper {

    private final Analyzer chain = AnalysisChains.build(AnalysisChains.SYNONYM_ENTRIES);

    /** @throws IllegalStateException when the chain's configuration is malformed */
    public SynonymEntryAnalyzer() {
        super(GLOBAL_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }
}
