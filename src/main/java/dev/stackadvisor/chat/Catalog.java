package dev.stackadvisor.chat;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What the corpus holds: its articles, the frameworks they discuss, and a cited profile of each framework. */
public final class Catalog {

    /** An article and how many passages it was cut into. */
    public record Source(String documentId, String title, String publisher, String author, String date, String url,
                         int passages, int chars) {
    }

    /** A covered framework: its language, how many passages and which articles discuss it. */
    public record FrameworkSummary(String name, String language, List<String> aliases, int passages, List<String> documents) {
    }

    /** A framework's profile: the summary and a cited answer on its fit, strengths and watch-outs. */
    public record FrameworkProfile(FrameworkSummary framework, Answer answer) {
    }

    private final Corpus corpus;
    private final QueryAnalyzer analyzer;
    private final HybridRetriever retriever;
    private final ExtractiveComposer composer;

    public Catalog(Corpus corpus, QueryAnalyzer analyzer, HybridRetriever retriever, ExtractiveComposer composer) {
        this.corpus = corpus;
        this.analyzer = analyzer;
        this.retriever = retriever;
        this.composer = composer;
    }

    /** Every article, in id order. */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        for (Document d : corpus.documents()) {
            int n = (int) corpus.passages().stream().filter(p -> p.documentId().equals(d.id())).count();
            out.add(new Source(d.id(), d.title(), d.publisher(), d.author(), d.date(), d.url(), n, d.text().length()));
        }
        return out;
    }

    /** The verbatim text of an article, to check quotes against. */
    public Optional<String> text(String documentId) {
        return corpus.document(documentId).map(Document::text);
    }

    /** Every framework at least one passage discusses, in lexicon order. */
    public List<FrameworkSummary> frameworks() {
        List<FrameworkSummary> out = new ArrayList<>();
        for (String name : corpus.coveredFrameworks()) {
            out.add(summary(corpus.lexicon().find(name).orElseThrow()));
        }
        return out;
    }

    /**
     * The profile of a framework by canonical name or alias ("nest", "spring boot").
     *
     * @return empty when the lexicon does not know the name
     * @throws NotCoveredException when it knows it but no article discusses it
     */
    public Optional<FrameworkProfile> profile(String nameOrAlias) {
        Optional<Framework> f = corpus.lexicon().find(nameOrAlias);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (!corpus.coveredFrameworks().contains(f.get().name())) {
            throw new NotCoveredException(f.get().name());
        }
        String question = "Tell me about " + f.get().name();
        Answer answer = composer.compose(retriever.retrieve(analyzer.transform(question, null, null)));
        return Optional.of(new FrameworkProfile(summary(f.get()), answer));
    }

    private FrameworkSummary summary(Framework f) {
        int passages = 0;
        TreeSet<String> docs = new TreeSet<>();
        for (Passage p : corpus.passages()) {
            if (p.isAbout(f.name())) {
                passages++;
                docs.add(p.documentId());
            }
        }
        return new FrameworkSummary(f.name(), f.language(), f.aliases(), passages, List.copyOf(docs));
    }

    /** The lexicon knows the framework but no article discusses it. */
    public static final class NotCoveredException extends RuntimeException {
        public NotCoveredException(String framework) {
            super(framework + " is not covered by the sources");
        }
    }
}
