package dev.stackadvisor.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded articles and their passages.
 *
 * @param documents   in id order
 * @param passages    all passages, document by document, in document order
 * @param lexicon     the framework table used to tag them
 * @param contentHash SHA-256 (hex) of every file the corpus was read from, names included: part of the
 *                    embedding cache key, so editing or adding an article re-embeds
 * @param reports     per file, loaded or skipped: passages, frameworks tagged, warnings
 * @param warnings    about the corpus as a whole (names it discusses that the lexicon lacks)
 */
public record Corpus(List<Document> documents, List<Passage> passages, FrameworkLexicon lexicon, String contentHash,
                     List<DocumentReport> reports, List<String> warnings) {
    public Corpus {
        documents = List.copyOf(documents);
        passages = List.copyOf(passages);
        reports = List.copyOf(reports);
        warnings = List.copyOf(warnings);
    }

    /** A corpus built without a loader's report. */
    public Corpus(List<Document> documents, List<Passage> passages, FrameworkLexicon lexicon, String contentHash) {
        this(documents, passages, lexicon, contentHash, List.of(), List.of());
    }

    /** The document with this id. */
    public Optional<Document> document(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The covered frameworks with how many passages are about each ({@link Passage#isAbout}), in lexicon order:
     * how much the corpus says about a framework.
     */
    public Map<String, Integer> passagesPerFramework() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : coveredFrameworks()) {
            counts.put(name, (int) passages.stream().filter(p -> p.isAbout(name)).count());
        }
        return counts;
    }

    /** Canonical names of the frameworks at least one passage names, in lexicon order. */
    public Set<String> coveredFrameworks() {
        Set<String> named = Segmenter.covered(passages);
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (Framework f : lexicon.frameworks()) {
            if (named.contains(f.name())) {
                ordered.put(f.name(), true);
            }
        }
        return ordered.keySet();
    }
}
