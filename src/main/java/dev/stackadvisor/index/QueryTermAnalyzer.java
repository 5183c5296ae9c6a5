package dev.stackadvisor.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * The question side of keyword analysis: the {@code questions} chain of {@link AnalysisChains#RESOURCE}, the index
 * side's chain ({@link SearchAnalyzer}) with a {@link SynonymGraphFilter} after the stemmer, so a question's words are
 * also read as the words the articles use ("cons" as "limitations", "k8s" as "kubernetes"). Synonyms come from a
 * Solr-format file ({@code analysis/synonyms.txt}) whose entries are read with the same stemming
 * ({@link SynonymEntryAnalyzer}), so one form of a word covers its inflections. Stop words are removed after the
 * synonyms so that phrases holding them ("bad at", "what kind of project") still match; they are removed by their
 * stems ({@code analysis/stopword-stems.txt}), which leaves exactly the terms the index side keeps for every other word.
 */
final class QueryTermAnalyzer extends DelegatingAnalyzerWrapper {

    private final Analyzer chain = AnalysisChains.build(AnalysisChains.QUESTIONS);

    /**
     * Builds the chain, reading the synonyms file.
     *
     * @throws IllegalStateException when the configuration or the synonyms file is malformed (naming the line)
     */
    QueryTermAnalyzer() {
        super(GLOBAL_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }
}
