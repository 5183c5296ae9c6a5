package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.KeywordIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus of a few hand-written passages (one sentence each) with its BM25 index and term statistics: what the
 * retrieval stages' unit tests run on instead of the real corpus and MiniLM.
 */
final class HandCorpus {

    /** One passage: its id, the frameworks it is about, the aspect of its sentence, its text. */
    record Text(String id, List<String> frameworks, Aspect aspect, String text) {
    }

    final List<Passage> passages = new ArrayList<>();
    final KeywordIndex keyword;
    final TermStats stats;

    HandCorpus(Text... texts) {
        for (Text t : texts) {
            Sentence s = new Sentence(t.id(), 0, t.text().length(), t.text(), t.text(), t.frameworks(), t.frameworks(),
                    t.aspect(), -1, false);
            passages.add(new Passage(t.id() + "#0", t.id(), "", 0, t.text().length(), t.text(), List.of(s), t.frameworks()));
        }
        keyword = new KeywordIndex(passages);
        stats = new TermStats(keyword, passages);
    }

    Passage passage(String id) {
        return passages.stream().filter(p -> p.documentId().equals(id)).findFirst().orElseThrow();
    }

    /** The passage ranked with a score and ranks as fusion would give them. */
    RankedPassage ranked(String id, double score) {
        return new RankedPassage(passage(id), score, 1, 0);
    }

    /** The analysed stems of some words, as the analyzer would read them. */
    List<String> terms(String words) {
        return keyword.terms(words);
    }

    /**
     * A question as the analyzer would hand it on, built by hand.
     *
     * @param topic      its topic words (plain words, analysed here)
     * @param frameworks covered frameworks it names
     */
    static AnalyzedQuery query(HandCorpus c, String topic, List<String> frameworks, List<String> notCovered, Intent intent,
                               boolean followUp, boolean dangling, List<String> languages, List<String> preferred,
                               List<String> candidates) {
        List<String> t = c.terms(topic);
        QuestionCues.Reading reading = new QuestionCues.Reading(t, null, false, null, java.util.Set.of(), Map.of(), false);
        QueryTerms terms = new QueryTerms(List.of(), List.of(), t, t, List.of(), t, t, preferred, t);
        return new AnalyzedQuery(topic, "", frameworks, notCovered, languages, intent, null, followUp, candidates, dangling,
                reading, null, terms);
    }
}
