package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link Sentence}s of one document: each sentence of a span, or each cell of a table row, with the
 * frameworks it is about ({@link SubjectResolver}, defaulting to the section's) and what it says of them
 * ({@link Aspect}: the section heading's label, else the sentence's own cue words). How an answer states it
 * ({@link Sentence#display()}) is decided here too: a list's lead-in, a short list taken along, a leading
 * connective dropped.
 *
 * <p>One tagger reads one document in order: a sentence ending in ':' that introduces a list in a laid-out
 * document makes the list's items about what it was about, until the list ends ({@link #endIntroduction}).
 */
final class SentenceTagger {

    /**
     * A short list stated with the sentence introducing it ("Hono runs on these runtimes: Workers, Deno, Bun").
     *
     * @param end      char offset where its last item ends
     * @param nextLine the line after it
     * @param items    its items as stated, closing punctuation dropped
     */
    record ListTail(int end, int nextLine, List<String> items) {
    }

    private final Document doc;
    private final String text;
    private final FrameworkLexicon lexicon;
    private final SubjectResolver resolver;
    private final AspectClassifier aspects;
    private final Cleaning cleaning;
    private final Sections sections;
    /** Whether a sentence may introduce the list after it (a parser's layout: lists are known to be lists). */
    private final boolean introductions;
    /** The subjects of the sentence introducing the current list, if it ends with ':'. */
    private List<String> introSubjects = List.of();

    /**
     * @param introductions true for a laid-out document, whose lists a sentence ending in ':' introduces
     */
    SentenceTagger(Document doc, FrameworkLexicon lexicon, SubjectResolver resolver, AspectClassifier aspects,
                   Cleaning cleaning, Sections sections, boolean introductions) {
        this.doc = doc;
        this.text = doc.text();
        this.lexicon = lexicon;
        this.resolver = resolver;
        this.aspects = aspects;
        this.cleaning = cleaning;
        this.sections = sections;
        this.introductions = introductions;
    }

    /** The list a sentence introduced has ended: its items are no longer about that sentence's subjects. */
    void endIntroduction() {
        introSubjects = List.of();
    }

    /**
     * The sentences of the text in [from, to), furniture left out.
     *
     * @param listGroup the list item's group, or -1 for prose
     * @param leadIn    the lead-in the first sentence (a list item) is stated with, or {@code null}
     * @param tail      a short list the last sentence takes along, or {@code null}
     */
    List<Sentence> sentences(int from, int to, int listGroup, String leadIn, ListTail tail) {
        List<Sentence> out = new ArrayList<>();
        boolean sameParagraph = false;
        List<int[]> spans = SentenceSplitter.quotable(text, from, to);
        for (int k = 0; k < spans.size(); k++) {
            int[] span = spans.get(k);
            boolean withList = tail != null && k == spans.size() - 1;
            if (withList) {
                span = new int[] {span[0], tail.end()};
            }
            String quote = Segmenter.fold(text.substring(span[0], span[1]));
            if (quote.isEmpty() || cleaning.isFurniture(quote)) {
                continue;
            }
            // items of a list a sentence introduces ("Hono runs on these runtimes:") are about its subject
            boolean introduced = listGroup >= 0 && !introSubjects.isEmpty();
            boolean justNames = listGroup >= 0 && lexicon.isJustNames(quote) && !introduced;
            if (justNames) {
                sections.recommend(lexicon.names(quote));
            }
            // bullets under a later sub-heading and prose that refers back ("These frameworks are commonly used
            // for…") are about the recommendation list; other prose is not
            boolean aboutList = listGroup >= 0 ? !sections.underRecommendation()
                    : ReadingCues.BUNDLED.refersBack().matcher(quote).find();
            List<String> defaults = introduced ? introSubjects
                    : sections.subjects().isEmpty() && !justNames && aboutList ? sections.recommended() : sections.subjects();
            // a sentence stated with its list is about what the sentence names; the list's names are mentions
            String claim = withList ? Segmenter.fold(text.substring(span[0], to)) : quote;
            SubjectResolver.Resolved r = introduced && lexicon.isJustNames(quote)
                    ? new SubjectResolver.Resolved(introSubjects, lexicon.names(quote))
                    : resolver.resolve(claim, defaults, sections.lastSubjects(), sameParagraph);
            if (withList) {
                r = new SubjectResolver.Resolved(r.subjects(), lexicon.names(quote));
            }
            sameParagraph = true;
            Aspect aspect;
            if (r.subjects().isEmpty()) {
                aspect = Aspect.GENERAL;
            } else if (justNames) {
                aspect = Aspect.FIT;
            } else if (sections.aspect() != null) {
                aspect = sections.aspect();
            } else {
                aspect = aspects.cue(claim);
            }
            // an item under a lead-in is stated with it ("PR should have: Test case"); the quote is the item
            String shown = withList ? display(claim) + " " + String.join(", ", tail.items())
                    : leadIn != null && k == 0 ? leadIn + " " + quote : display(quote);
            out.add(new Sentence(doc.id(), span[0], span[1], quote, shown, r.subjects(), r.mentions(), aspect, listGroup,
                    false));
            sections.said(r.subjects());
            if (introductions && listGroup < 0) {
                introSubjects = quote.endsWith(":") ? r.subjects() : List.of();
            }
        }
        return out;
    }

    /** The cells of a table row, each a sentence of group {@code group}, about the row's frameworks. */
    List<Sentence> cells(TableParser.Row row, int group) {
        List<Sentence> cells = new ArrayList<>();
        for (TableParser.Cell cell : row.cells()) {
            String quote = Segmenter.fold(text.substring(cell.start(), cell.end()));
            List<String> mentions = row.ownNamesOnly() ? row.subjects() : lexicon.names(quote + " " + row.frameworkCell());
            cells.add(new Sentence(doc.id(), cell.start(), cell.end(), quote, cell.display(), row.subjects(),
                    mentions, cell.aspect(), group, true));
        }
        return cells;
    }

    /**
     * How an answer states a prose sentence: the quote without a leading connective that only links it to
     * the sentence before ("However, Gin is smaller…" → "Gin is smaller…"). The quote stays verbatim.
     */
    static String display(String quote) {
        var m = ReadingCues.BUNDLED.connective().matcher(quote);
        if (!m.find() || m.end() >= quote.length()) {
            return quote;
        }
        String rest = quote.substring(m.end());
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
}
