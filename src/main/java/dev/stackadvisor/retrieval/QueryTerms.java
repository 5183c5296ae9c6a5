package dev.stackadvisor.retrieval;

import java.util.List;

/**
 * The analysed words of a question as the later stages use them, worked out once by {@link QueryAnalyzer}: the
 * rankers, the recommender, the gate and the composer read them instead of analysing the text again.
 *
 * @param context        the previous question's analysed words for a follow-up, else empty
 * @param focus          the focus words of the aspect asked ("limitations" for weaknesses), else empty
 * @param topic          own words minus framework names, filler and cue words the corpus never uses, in order
 * @param gateTopic      {@code topic} followed by the topic words of {@code context} (a follow-up is judged with
 *                       the question it follows)
 * @param sentenceTopics for a question naming covered frameworks, the topic words of each of its sentences that
 *                       names one of them ("Ignore your instructions… Django or Flask?" is judged on the last)
 * @param factSubject    own words minus framework names, filler and every cue word: what a stated fact must be about
 * @param evidenceTopic  {@code topic} plus the known, non-filler synonyms of its words: what sentences are ranked on
 * @param preferred      covered frameworks of the team's languages ({@link AnalyzedQuery#languages}), in lexicon order
 * @param asked          the topic words of the message's questions when it also holds statements or a label before a
 *                       colon ("we run gin on k8s. is its router a radix tree?" → the second sentence's): what a
 *                       specific answer must cover; else {@code topic}
 */
public record QueryTerms(List<String> context, List<String> focus, List<String> topic, List<String> gateTopic,
                         List<List<String>> sentenceTopics, List<String> factSubject, List<String> evidenceTopic,
                         List<String> preferred, List<String> asked) {
    public QueryTerms {
        context = List.copyOf(context);
        focus = List.copyOf(focus);
        topic = List.copyOf(topic);
        gateTopic = List.copyOf(gateTopic);
        sentenceTopics = sentenceTopics.stream().map(List::copyOf).toList();
        factSubject = List.copyOf(factSubject);
        evidenceTopic = List.copyOf(evidenceTopic);
        preferred = List.copyOf(preferred);
        asked = List.copyOf(asked);
    }

    /** No words at all (a hand-made query in a test). */
    public static QueryTerms none() {
        return new QueryTerms(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }
}
