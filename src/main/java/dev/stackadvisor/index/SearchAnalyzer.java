package dev.stackadvisor.index;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Lucene's {@link EnglishAnalyzer} (stop words, possessives, Porter stemming) behind one char filter that
 * writes "real-time", "real time" and "realtime" alike as {@code realtime}: the articles spell it all three
 * ways, and split at the hyphen its "real" would match "any real difference?".
 */
final class SearchAnalyzer extends AnalyzerWrapper {

    /**
     * The look-ahead {@code (?=r)} changes no match (a match starts with "r" or "R" anyway) but makes the scan
     * cheap: without it every position of the text runs the word-boundary test first (two Unicode category
     * look-ups), which made this char filter about two thirds of analysing a question (JFR under load,
     * docs/benchmarks.md).
     */
    private static final Pattern REAL_TIME = Pattern.compile("(?i)(?=r)\\breal[\\s-]+time\\b");

    private final Analyzer english = new EnglishAnalyzer();

    SearchAnalyzer() {
        super(Analyzer.PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return english;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
        return unifyRealTime(reader);
    }

    /** The char filter that writes "real-time", "real time" and "realtime" alike, shared with the question side. */
    static Reader unifyRealTime(Reader reader) {
        return new PatternReplaceCharFilter(REAL_TIME, "realtime", reader);
    }
}
