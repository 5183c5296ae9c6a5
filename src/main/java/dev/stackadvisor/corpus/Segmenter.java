package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a document into sentence-aligned passages that fit all-MiniLM-L6-v2's 128 word-piece window
 * (it silently ignores the rest), each with its heading path and char offsets, each sentence tagged with
 * the frameworks it is about and what it says of them ({@link Aspect}).
 *
 * <p>Every document is walked once, line by line, by the kind its {@link Layout} gives each line: a parser's for
 * Markdown and HTML, the {@link PlainTextReader}'s guess for plain text. The parts:
 * <ul>
 *   <li>{@link Sections}: where the walk stands — headings open sections and sub-sections;</li>
 *   <li>{@link SentenceSplitter}: a paragraph or list item into sentences, none too long to quote;</li>
 *   <li>{@link SentenceTagger}: each sentence or table cell with its frameworks and aspect;</li>
 *   <li>{@link PassagePacker}: sentences into passages within the token budget, a table row a passage.</li>
 * </ul>
 * The walk itself keeps what spans lines: a paragraph the document already had is skipped (a capture that
 * pastes one paragraph under several frameworks' sections must not make it a fact about each of them); the items
 * of one list share a group; in a laid-out document a sentence ending in ':' takes a short list that follows
 * along, and the items of a longer or nested list are stated with their lead-in.
 * Bump {@link #VERSION} whenever the output changes: it keys the embedding cache.
 */
public final class Segmenter {

    /** Part of the embedding cache key; change it with any change to the passages produced. */
    public static final String VERSION = "seg-14";

    /** Longest sentence quoted whole, in chars ({@link SentenceSplitter#MAX_CHARS}). */
    public static final int MAX_SENTENCE_CHARS = SentenceSplitter.MAX_CHARS;

    /**
     * Longest lead-in, in words, that list items are stated with: a lead-in names what its items are ("PR should
     * have:", "You can also contribute by:"); a longer sentence ending in ':' says more than a label.
     */
    static final int LEAD_IN_WORDS = 16;

    /** Estimated word-piece budget of a passage's index text; MiniLM reads 128 including [CLS] and [SEP]. */
    public static final int DEFAULT_TOKEN_BUDGET = 100;

    /** Longest list item, in words, that a sentence introducing its list takes along. */
    static final int SHORT_ITEM_WORDS = 12;

    /** Fewest words of a paragraph that is skipped when the document already had it: short lines repeat legitimately. */
    static final int PASTED_PARAGRAPH_WORDS = 8;

    private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");

    private final FrameworkLexicon lexicon;
    private final AspectClassifier aspects = new AspectClassifier();
    private final TableParser tables;
    private final PlainTextReader plainText;
    private final SubjectResolver subjectResolver;
    private final TokenEstimator tokens = new TokenEstimator();
    private final Cleaning defaultCleaning = new Cleaning();
    private final int tokenBudget;

    /** A segmenter over {@code lexicon} with the {@link #DEFAULT_TOKEN_BUDGET}. */
    public Segmenter(FrameworkLexicon lexicon) {
        this(lexicon, DEFAULT_TOKEN_BUDGET);
    }

    /**
     * @param lexicon     framework names for tagging
     * @param tokenBudget estimated word pieces per passage, heading included; at most ~110 for MiniLM
     */
    public Segmenter(FrameworkLexicon lexicon, int tokenBudget) {
        this.lexicon = lexicon;
        this.tables = new TableParser(lexicon, aspects);
        this.plainText = new PlainTextReader(new TextTables(lexicon));
        this.subjectResolver = new SubjectResolver(lexicon);
        this.tokenBudget = tokenBudget;
    }

    /** Passages of a plain-text {@code document}, in document order, ids {@code <documentId>#<n>} from 0. */
    public List<Passage> segment(Document document) {
        return segment(document, null, defaultCleaning, Set.of());
    }

    /**
     * Passages of {@code document}, in document order, ids {@code <documentId>#<n>} from 0.
     *
     * @param layout   what each line of its text is (Markdown, HTML), or {@code null} for plain text, whose
     *                 layout the {@link PlainTextReader} then guesses
     * @param cleaning what is page furniture
     * @param dropped  lines to leave out wherever they appear, folded and lower-cased (lines repeated across
     *                 documents, see {@link Cleaning})
     * @throws IllegalArgumentException when {@code layout} has not one entry per line of the text
     */
    public List<Passage> segment(Document document, Layout layout, Cleaning cleaning, Set<String> dropped) {
        if (layout == null) {
            PlainTextReader.Reading read = plainText.read(document.text(), cleaning, dropped);
            return new Walk(document, read.lines(), read.layout(), read.textTables(), cleaning, dropped).run();
        }
        return new Walk(document, Line.of(document.text()), layout, Map.of(), cleaning, dropped).run();
    }

    /** One pass over one document, line by line; holds what spans lines (lists, paragraphs seen). */
    private final class Walk {
        private final Document doc;
        private final String text;
        private final List<Line> lines;
        private final Layout layout;
        /** The tables the {@link PlainTextReader} read where it marked {@link Layout.Kind#TEXT_TABLE}, by first line. */
        private final Map<Integer, TableParser.Table> textTables;
        private final Cleaning cleaning;
        private final Set<String> dropped;
        private final Sections sections;
        private final SentenceTagger tagger;
        private final PassagePacker packer;
        private final Set<String> seenParagraphs = new HashSet<>();
        private int listGroups = 0;
        private int currentList = -1;
        /**
         * Laid-out documents: the lead-in of the list items at each depth ("PR should have:" over its nested items,
         * "You can also contribute by:" over the list after it); an item is stated with it.
         */
        private final Map<Integer, String> leadIns = new HashMap<>();

        Walk(Document doc, List<Line> lines, Layout layout, Map<Integer, TableParser.Table> textTables, Cleaning cleaning,
             Set<String> dropped) {
            this.doc = doc;
            this.text = doc.text();
            this.lines = lines;
            this.layout = layout;
            this.textTables = textTables;
            this.cleaning = cleaning;
            this.dropped = dropped;
            if (layout.kinds().size() != lines.size()) {
                throw new IllegalArgumentException("layout of " + doc.id() + " has " + layout.kinds().size()
                        + " lines, its text " + lines.size());
            }
            this.sections = new Sections(lexicon, aspects, layout.guessed() ? List.of() : documentSubjects());
            this.tagger = new SentenceTagger(doc, lexicon, subjectResolver, aspects, cleaning, sections, !layout.guessed());
            this.packer = new PassagePacker(doc.id(), tokens, tokenBudget);
        }

        /** The one walk: each line by the kind its layout says. */
        List<Passage> run() {
            int i = 0;
            while (i < lines.size()) {
                Line line = lines.get(i);
                String t = line.trimmed();
                Layout.Kind kind = layout.kinds().get(i);
                if (kind != Layout.Kind.ITEM && kind != Layout.Kind.BLANK) {
                    tagger.endIntroduction();
                }
                if (kind == Layout.Kind.TABLE || kind == Layout.Kind.TEXT_TABLE) {
                    TableParser.Table table = kind == Layout.Kind.TABLE ? tables.pipeTable(text, lines, i)
                            : textTables.get(i);
                    table(table);
                    i = Math.max(table.nextLine(), i + 1);
                    continue;
                }
                if (kind != Layout.Kind.ITEM && (kind != Layout.Kind.BLANK || (i > 0 && layout.kinds().get(i - 1) == Layout.Kind.ITEM))) {
                    leadIns.clear(); // a list ends at its blank line; anything but a list item ends the lead-in
                }
                if (kind == Layout.Kind.BLANK || t.isEmpty()) {
                    if (!layout.guessed()) {
                        currentList = -1; // a parser's blank line ends the list; a capture's is only spacing
                    }
                } else if (kind == Layout.Kind.DROPPED) {
                    currentList = -1;
                } else if (kind == Layout.Kind.PARAGRAPH && startsList(i + 1) && LineShapes.isHeading(t) && !t.endsWith(":")
                        && keep(t)) {
                    // a short line set over a list ("Use issues for everything") is the list's heading
                    laidOutHeading(t, Layout.QUESTION_LEVEL);
                    currentList = -1;
                } else if (kind == Layout.Kind.HEADING) {
                    int level = layout.levels().get(i);
                    if (Layout.isGuessedHeading(level)) {
                        if (sections.guessed(t, level == Layout.REPEATED_LEVEL)) {
                            packer.flush();
                        }
                    } else if (keep(t)) {
                        laidOutHeading(t, level);
                    }
                    currentList = -1;
                } else if (kind == Layout.Kind.ITEM) {
                    item(i, line, t);
                } else if (keep(t)) {
                    currentList = -1;
                    Optional<SentenceTagger.ListTail> tail = paragraph(i, line, t);
                    if (tail.isPresent()) {
                        i = tail.get().nextLine();
                        continue;
                    }
                }
                i++;
            }
            return packer.passages();
        }

        private void laidOutHeading(String t, int level) {
            packer.flush();
            sections.laidOut(t, level);
        }

        /** A list item: stated with the lead-in of its depth, if any; it may itself lead in the items nested in it. */
        private void item(int i, Line line, String t) {
            if (currentList < 0) {
                currentList = listGroups++;
            }
            int markerEnd = line.trimmedStart() + LineShapes.markerEnd(t);
            String item = fold(text.substring(markerEnd, line.end()));
            int depth = layout.levels().get(i);
            leadIns.keySet().removeIf(d -> d > depth);
            // a guessed item was judged with its marker, as the whole line
            if (layout.guessed() || keep(item)) {
                add(tagger.sentences(markerEnd, line.end(), currentList, leadIns.get(depth), null));
                if (item.endsWith(":") && startsList(i + 1) && layout.levels().get(nextLine(i + 1)) == depth + 1
                        && Words.count(item) <= LEAD_IN_WORDS) {
                    leadIns.put(depth + 1, item);
                }
            }
        }

        /**
         * A paragraph, unless the document had it already (its first place is the only true one).
         *
         * @return the short list its last sentence took along, which the walk goes on after
         */
        private Optional<SentenceTagger.ListTail> paragraph(int i, Line line, String t) {
            String key = fold(t).toLowerCase(Locale.ROOT);
            if (key.split(" ").length >= PASTED_PARAGRAPH_WORDS && !seenParagraphs.add(key)) {
                return Optional.empty();
            }
            Optional<SentenceTagger.ListTail> tail = !layout.guessed() && t.endsWith(":") ? shortList(i + 1) : Optional.empty();
            add(tagger.sentences(line.trimmedStart(), line.end(), -1, null, tail.orElse(null)));
            if (tail.isEmpty() && !layout.guessed()) {
                List<int[]> spans = SentenceSplitter.sentences(text, line.trimmedStart(), line.end());
                String last = spans.isEmpty() ? "" : fold(text.substring(spans.get(spans.size() - 1)[0],
                        spans.get(spans.size() - 1)[1]));
                if (last.endsWith(":") && Words.count(last) <= LEAD_IN_WORDS && startsList(i + 1)) {
                    leadIns.put(1, last);
                }
            }
            return tail;
        }

        private void add(List<Sentence> sentences) {
            for (Sentence s : sentences) {
                packer.add(s, sections.path());
                sections.contentAdded();
            }
        }

        private void table(TableParser.Table table) {
            packer.flush();
            for (TableParser.Row row : table.rows()) {
                packer.row(sections.rowPath(row.frameworkCell()), tagger.cells(row, listGroups++), row);
            }
            sections.contentAdded();
        }

        /** Not page furniture nor a line repeated across documents (a guessed layout has dropped those already). */
        private boolean keep(String line) {
            return !cleaning.leavesOut(line, dropped);
        }

        /** The first line at or after {@code from} that is not blank ({@code lines.size()} when none). */
        private int nextLine(int from) {
            int j = from;
            while (j < lines.size() && layout.kinds().get(j) == Layout.Kind.BLANK) {
                j++;
            }
            return j;
        }

        /** Whether a list follows, blank lines aside, from line {@code from}. */
        private boolean startsList(int from) {
            int j = nextLine(from);
            return j < lines.size() && layout.kinds().get(j) == Layout.Kind.ITEM;
        }

        /**
         * The list right after line {@code from - 1} when it is short enough to be stated with the sentence that
         * introduces it ("Hono runs on these runtimes: Cloudflare Workers, Deno, Bun, …"): two or more items of
         * at most {@link #SHORT_ITEM_WORDS} words, {@link #MAX_SENTENCE_CHARS} chars in all.
         */
        private Optional<SentenceTagger.ListTail> shortList(int from) {
            List<String> items = new ArrayList<>();
            int end = -1;
            int chars = 0;
            int j = nextLine(from);
            for (; j < lines.size() && layout.kinds().get(j) == Layout.Kind.ITEM; j++) {
                Line item = lines.get(j);
                String shown = fold(text.substring(item.trimmedStart() + LineShapes.markerEnd(item.trimmed()), item.end()));
                chars += shown.length() + 2;
                if (shown.split(" ").length > SHORT_ITEM_WORDS || chars > MAX_SENTENCE_CHARS) {
                    return Optional.empty();
                }
                items.add(shown.replaceAll("[.;,]$", ""));
                end = item.trimmedStart() + item.trimmed().length();
            }
            return items.size() >= 2 ? Optional.of(new SentenceTagger.ListTail(end, j, items)) : Optional.empty();
        }

        /**
         * What a laid-out document is about: the frameworks its title names, else those its lead paragraph (before
         * the first section heading) names, when one or two: "In this section, we talk about the philosophy of Hono".
         */
        private List<String> documentSubjects() {
            List<String> named = lexicon.names(doc.title());
            for (int i = 0; named.isEmpty() && i < lines.size(); i++) {
                Layout.Kind kind = layout.kinds().get(i);
                if (kind == Layout.Kind.HEADING && layout.levels().get(i) > 1) {
                    break;
                }
                if (kind == Layout.Kind.PARAGRAPH) {
                    named = lexicon.names(lines.get(i).trimmed());
                    break;
                }
            }
            return named.size() <= 2 ? named : List.of();
        }
    }

    /**
     * White space (no-break spaces and the byte-order mark included: the captures are full of them) folded to single
     * spaces, trimmed: how a quote is made from its span. Not {@link Words#fold}, which folds only what the regex
     * {@code \s} matches and does not trim (user text, cache keys): a quote holding a no-break space would differ.
     */
    public static String fold(String s) {
        return SPACE_RUN.matcher(s).replaceAll(" ").trim();
    }

    /** Frameworks named anywhere in {@code passages}: what the corpus covers. */
    public static Set<String> covered(List<Passage> passages) {
        Set<String> out = new LinkedHashSet<>();
        for (Passage p : passages) {
            out.addAll(p.frameworks());
        }
        return out;
    }
}
