package dev.stackadvisor.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The question side of keyword analysis: the index side's chain ({@link SearchAnalyzer}: real-time unified,
 * possessives, lower case, Porter stems, stop words) with a {@link SynonymGraphFilter} after the stemmer, so
 * a question's words are also read as the words the articles use ("cons" as "limitations", "k8s" as
 * "kubernetes"). Synonyms come from a Solr-format file ({@code analysis/synonyms.txt}) parsed with the same
 * stemming, so one form of a word covers its inflections. Stop words are removed after the synonyms so that
 * phrases holding them ("bad at", "what kind of project") still match; they are removed by their stems, which
 * leaves exactly the terms the index side keeps for every other word.
 */
final class QueryTermAnalyzer extends Analyzer {

    /** The bundled synonyms file, on the classpath. */
    static final String SYNONYMS = "/analysis/synonyms.txt";

    /**
     * Typographic apostrophe, as phones type it: "we’re" is "we're". Built once (an FST, immutable and shared):
     * built per question it was a fifth of analysing one.
     */
    private static final NormalizeCharMap QUOTES = quotes();

    private final SynonymMap synonyms;
    private final CharArraySet stemmedStopWords;

    /**
     * Reads {@link #SYNONYMS}.
     *
     * @throws IllegalStateException when the file is missing or not valid Solr synonyms (naming the line)
     */
    QueryTermAnalyzer() {
        this.synonyms = parse(SYNONYMS);
        this.stemmedStopWords = stemmed(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return SearchAnalyzer.unifyRealTime(new MappingCharFilter(QUOTES, reader));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = stems(source);
        stream = new SynonymGraphFilter(stream, synonyms, true);
        stream = new StopFilter(stream, stemmedStopWords);
        return new TokenStreamComponents(source, stream);
    }

    private static NormalizeCharMap quotes() {
        NormalizeCharMap.Builder quotes = new NormalizeCharMap.Builder();
        quotes.add("\u2019", "'");
        return quotes.build();
    }

    /** Possessives, lower case and Porter stems: the part of the chain the synonyms file is read with. */
    private static TokenStream stems(TokenStream source) {
        return new PorterStemFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }

    /** The chain up to the stems: how the synonyms file and the stop words are read. */
    private static final class Stems extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, stems(source));
        }
    }

    private static SynonymMap parse(String resource) {
        try (Analyzer entries = new Stems(); InputStream in = QueryTermAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalStateException(resource + " is not a valid synonyms file (line " + e.getErrorOffset() + "): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static CharArraySet stemmed(CharArraySet words) {
        CharArraySet out = new CharArraySet(words.size(), false);
        try (Analyzer a = new Stems()) {
            for (Object w : words) {
                out.addAll(KeywordIndex.terms(a, w instanceof char[] chars ? new String(chars) : w.toString()));
            }
        }
        return CharArraySet.unmodifiableSet(out);
    }
}
