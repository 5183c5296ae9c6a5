package dev.stackadvisor.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What warm-up questions are made of ({@link WarmupQuestions}), taken from the data that reads real questions, so a
 * word or a name added there is warmed too. Every list is non-empty and in file order.
 *
 * @param frameworks canonical names of the frameworks the corpus covers, in lexicon order, then the first one the
 *                   lexicon knows and the corpus does not discuss (its questions are refused: a path too)
 * @param topics     the first phrase of each {@code analysis/synonyms.txt} group that no cue of
 *                   {@code analysis/question-cues.json} anchors ("kubernetes", "performance", "ecommerce"…)
 * @param aspects    every phrase of the synonyms groups of the cue file's aspect anchors ("weak points", "pros",
 *                   "sweet spot", "overview"…)
 * @param scenarios  every phrase of the group of its {@code scenarioAnchor} ("which framework", "best stack"…)
 * @param facts      every phrase of the groups of its answer types ("licence", "latest version", "who maintains"…)
 * @param phrasings  the example phrasings of {@code analysis/prototypes.tsv}
 * @param contexts   runs of {@link #CONTEXT_WORDS} words of the corpus's own sentences, from up to
 *                   {@link #MAX_CONTEXTS} passages spread over it: the ordinary words a real message carries around
 *                   the names and cues (its product, its team, its constraints), so that BM25, the embedding model
 *                   and the composer meet questions as varied as real ones (issue 22: with the short shapes alone the
 *                   JIT kept compiling for the first minute of real traffic); may be empty (shapes that need one are
 *                   then not asked)
 */
public record WarmupVocabulary(List<String> frameworks, List<String> topics, List<String> aspects,
                               List<String> scenarios, List<String> facts, List<String> phrasings,
                               List<String> contexts) {

    /** Words in a context run. */
    public static final int CONTEXT_WORDS = 6;
    /** Passages contexts are taken from, at most: one run each. */
    public static final int MAX_CONTEXTS = 2_000;
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");

    private static final String CUES = "/analysis/question-cues.json";
    private static final String SYNONYMS = "/analysis/synonyms.txt";
    private static final String PROTOTYPES = "/analysis/prototypes.tsv";
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    /** @throws IllegalArgumentException when a list is empty (the generator needs a value for every slot) */
    public WarmupVocabulary {
        frameworks = nonEmpty("frameworks", frameworks);
        topics = nonEmpty("topics", topics);
        aspects = nonEmpty("aspects", aspects);
        scenarios = nonEmpty("scenarios", scenarios);
        facts = nonEmpty("facts", facts);
        phrasings = nonEmpty("phrasings", phrasings);
        contexts = List.copyOf(contexts);
    }

    /** As {@link #WarmupVocabulary(List, List, List, List, List, List, List)} without contexts. */
    public WarmupVocabulary(List<String> frameworks, List<String> topics, List<String> aspects, List<String> scenarios,
                            List<String> facts, List<String> phrasings) {
        this(frameworks, topics, aspects, scenarios, facts, phrasings, List.of());
    }

    /**
     * As {@link #bundled(FrameworkLexicon, Collection)}, with contexts from {@code passages}: from each of up to
     * {@link #MAX_CONTEXTS} passages spread evenly over the list, the words 2 to {@link #CONTEXT_WORDS} + 1 of its
     * first sentence of at least {@link #CONTEXT_WORDS} + 1 words (letters only, lower case), each run once.
     */
    public static WarmupVocabulary bundled(FrameworkLexicon lexicon, Collection<String> covered,
                                           List<Passage> passages) {
        return read(lexicon, covered, contexts(passages));
    }

    /** The contexts of {@code passages}, as {@link #bundled(FrameworkLexicon, Collection, List)} takes them. */
    static List<String> contexts(List<Passage> passages) {
        Set<String> runs = new LinkedHashSet<>();
        int stride = Math.max(1, passages.size() / MAX_CONTEXTS);
        for (int i = 0; i < passages.size() && runs.size() < MAX_CONTEXTS; i += stride) {
            for (Sentence s : passages.get(i).sentences()) {
                String[] words = NOT_A_LETTER.split(s.quote().toLowerCase(Locale.ROOT).strip());
                if (words.length > CONTEXT_WORDS) { // words[0] may be "" (a sentence opening on a digit or mark)
                    runs.add(String.join(" ", Arrays.copyOfRange(words, 1, 1 + CONTEXT_WORDS)));
                    break;
                }
            }
        }
        return List.copyOf(runs);
    }

    /**
     * The vocabulary of {@code lexicon} and the bundled cue files.
     *
     * @param covered canonical names of the frameworks the corpus covers ({@code Corpus#coveredFrameworks})
     * @throws IllegalStateException when a bundled file is missing, or a cue anchors no synonyms group
     */
    public static WarmupVocabulary bundled(FrameworkLexicon lexicon, Collection<String> covered) {
        return read(lexicon, covered, List.of());
    }

    /** The vocabulary of {@code lexicon} and the bundled cue files, with these contexts. */
    private static WarmupVocabulary read(FrameworkLexicon lexicon, Collection<String> covered, List<String> contexts) {
        List<List<String>> groups = synonymGroups(lines(SYNONYMS));
        JsonNode cues;
        try {
            cues = new ObjectMapper().readTree(String.join("\n", lines(CUES)));
        } catch (IOException e) {
            throw new IllegalStateException(CUES + " is not JSON", e);
        }
        List<String> aspects = new ArrayList<>();
        cues.path("aspects").forEach(a -> aspects.addAll(group(groups, a.path("anchor").asText())));
        List<String> facts = new ArrayList<>();
        cues.path("answerTypes").forEach(t -> facts.addAll(group(groups, t.path("anchor").asText())));
        List<String> scenarios = group(groups, cues.path("scenarioAnchor").asText());
        List<String> topics = groups.stream().map(g -> g.get(0))
                .filter(first -> !aspects.contains(first) && !facts.contains(first) && !scenarios.contains(first))
                .toList();
        List<String> phrasings = lines(PROTOTYPES).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(l.indexOf('\t') + 1).strip()).toList();
        List<String> frameworks = new ArrayList<>();
        lexicon.frameworks().stream().map(Framework::name).filter(covered::contains).forEach(frameworks::add);
        lexicon.frameworks().stream().map(Framework::name).filter(n -> !covered.contains(n)).findFirst()
                .ifPresent(frameworks::add);
        return new WarmupVocabulary(frameworks, topics, aspects, scenarios, facts, phrasings, contexts);
    }

    /** The phrases of each line of a Solr synonyms file (an explicit mapping's left side), lower case. */
    static List<List<String>> synonymGroups(List<String> lines) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int arrow = l.indexOf("=>");
            String phrases = (arrow < 0 ? l : l.substring(0, arrow)).toLowerCase(Locale.ROOT);
            List<String> group = Arrays.stream(COMMA.split(phrases.strip())).filter(s -> !s.isEmpty()).toList();
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static List<String> group(List<List<String>> groups, String anchor) {
        String a = anchor.strip().toLowerCase(Locale.ROOT);
        return groups.stream().filter(g -> g.get(0).equals(a)).findFirst()
                .orElseThrow(() -> new IllegalStateException(CUES + ": anchor '" + anchor + "' starts no group of " + SYNONYMS));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = WarmupVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<String> nonEmpty(String name, List<String> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("warm-up vocabulary: no " + name);
        }
        return List.copyOf(list);
    }
}
