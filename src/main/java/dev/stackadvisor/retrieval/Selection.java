package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.util.List;

/**
 * What answer selection found: the candidate sentences ranked by how well they answer this question, and whether
 * any covers it.
 *
 * @param ask       what the question asks for: one thing, a choice, or a profile
 * @param ranked    every candidate, best first by fused rank; those that cover the question are marked
 *                  ({@link Candidate#covers()})
 * @param answering the covering candidates of {@code ranked} that may answer for the frameworks asked and cover nearly
 *                  as much as the best ({@link SelectionTuning#leadMargin}), best first: what an answer quotes as
 *                  answering the question
 * @param lead      the first covering candidate of {@code ranked} about a framework the question names (any, when it names none), or
 *                  null when none covers it
 * @param content   the question's content words as measured: analysed stems, framework names and filler aside
 * @param uncovered the user's own words of {@code content} that the best-covering candidate lacks, as typed
 * @param coverage  the best candidate's coverage, 0..1 (1 when the question has no content words)
 * @param cosine    the best cosine of a candidate that may answer for the frameworks asked, in [-1, 1]; NaN in
 *                  keyword mode
 * @param answerable whether the sources say anything to the point: a candidate leads, or the best coverage or
 *                  cosine reach the lower bars of {@link SelectionTuning} (then the answer is a profile, not one
 *                  sentence); false means a specific question is not answered
 * @param knownCoverage the best coverage, by a candidate about a framework asked, of the content words the corpus
 *                  uses (0 when fewer than two): what the words the sources do have say about it
 */
public record Selection(Ask ask, List<Candidate> ranked, List<Candidate> answering, Candidate lead, List<String> content, List<String> uncovered,
                        double coverage, double cosine, boolean answerable, double knownCoverage) {

    public Selection {
        ranked = List.copyOf(ranked);
        answering = List.copyOf(answering);
        content = List.copyOf(content);
        uncovered = List.copyOf(uncovered);
    }

    /** Nothing selected (a refused question, or a hand-made evidence in a test). */
    public static Selection none(Ask ask) {
        return new Selection(ask, List.of(), List.of(), null, List.of(), List.of(), 0, Double.NaN, true, 0);
    }

    /** Whether a candidate covers the question. */
    public boolean answered() {
        return lead != null;
    }

    /** What a question asks for, which decides whether framework blocks follow the answering sentence. */
    public enum Ask {
        /** One thing about what it names ("does X run on Y?", "why is X fast?"): the answering sentence, no profile. */
        SPECIFIC,
        /** A choice among frameworks ("X or Y for …", "which framework for …"): the answer, then a block each. */
        CHOICE,
        /** A profile of a framework (its strengths, watch-outs, fit, or no particular point): blocks by aspect. */
        PROFILE
    }

    /**
     * One candidate sentence with the features it was ranked on.
     *
     * @param sentence  the sentence
     * @param passage   the passage it sits in
     * @param index     its index in {@link Passage#sentences()}
     * @param score     its passage's fused retrieval score (what the citation shows)
     * @param bm25      sentence-level BM25 of the question's terms, ≥ 0 (0: no term)
     * @param cosine    MiniLM cosine between question and sentence, in [-1, 1]; NaN in keyword mode
     * @param agreement how many of the frameworks asked about the sentence, its heading path or the sentences it
     *                  leans on name or are about (0 when none is asked)
     * @param coverage  IDF-weighted share of the question's content words the sentence, its heading path and the
     *                  sentences it leans on hold, 0..1
     * @param fused     reciprocal rank fusion of its ranks by BM25, cosine, agreement, coverage and passage rank
     * @param covers    whether it answers the question: coverage or (hybrid) cosine at the threshold, and a statement
     *                  (not a question, not a lone word)
     */
    public record Candidate(Sentence sentence, Passage passage, int index, double score, double bm25, double cosine,
                            int agreement, double coverage, double fused, boolean covers) {

        /**
         * Whether it may answer a question about {@code frameworks}: any sentence when none is asked, else one
         * about, naming or under a heading naming one of them, or in a passage about one.
         */
        public boolean answersFor(List<String> frameworks) {
            return frameworks.isEmpty() || agreement > 0 || frameworks.stream().anyMatch(passage::isAbout);
        }

        /**
         * Whether it names every one of two or more frameworks asked and holds some of the question's words: it
         * speaks to how they relate, or to a choice among them.
         */
        public boolean relatesAll(List<String> frameworks) {
            return frameworks.size() >= 2 && agreement == frameworks.size() && coverage > 0;
        }
    }
}
