package dev.stackadvisor.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Cuts a document into sentence-aligned passages that fit all-MiniLM-L6-v2's 128 word-piece window
 * (it silently ignores the rest), each with its heading path and char offsets, each sentence tagged with
 * the frameworks it is about and what it says of them ({@link Aspect}).
 *
 * <p>How the captured articles are read, and why:
 * <ul>
 *   <li>headings are bare lines: short, no closing full stop or comma (a line ending in '?' is an FAQ
 *       question and heads its answer). A heading that names frameworks opens their section; a known label
 *       ("Strengths", "Best Use Cases") or a heading the article repeats ("Why This Becomes a Problem") is a
 *       sub-heading of the section it appears in; a caption repeating the section's framework is ignored;</li>
 *   <li>a paragraph the article already had is skipped: 000 pastes its Django paragraph under Node.js,
 *       Spring Boot and Go, and it must not become a fact about them;</li>
 *   <li>table rows (pipe or flattened, see {@link TableParser}) are one passage each, so that every row
 *       names its framework;</li>
 *   <li>code samples and page furniture ({@link Cleaning}) are left out; lines broken inside a sentence are
 *       joined.</li>
 * </ul>
 * A Markdown or HTML document comes with its {@link Layout}: what each line is, so nothing is guessed; its
 * headings nest by level (a question set apart heads its answer), a sentence ending in ':' takes a short list that
 * follows along, and the items of a longer or nested list are stated with their lead-in.
 * Bump {@link #VERSION} whenever the output changes: it keys the embedding cache.
 */
public final class Segmenter {

    /** Part of the embedding cache key; change it with any change to the passages produced. */
    public static final String VERSION = "seg-14";

    /**
     * Longest sentence quoted whole, in chars; a longer one is cut into pieces of at most this (see
     * {@link #capped}). The five articles' longest sentence is under 300 chars; 400 keeps a quote readable.
     */
    public static final int MAX_SENTENCE_CHARS = 400;

    /**
     * Longest lead-in, in words, that list items are stated with: a lead-in names what its items are ("PR should
     * have:", "You can also contribute by:"); a longer sentence ending in ':' says more than a label.
     */
    static final int LEAD_IN_WORDS = 16;

    /** Estimated word-piece budget of a passage's index text; MiniLM reads 128 including [CLS] and [SEP]. */
    public static final int DEFAULT_TOKEN_BUDGET = 100;

    private static final String SECTION_SEPARATOR = " › ";
    private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");

    /** A short list stated with its introducing sentence: where it ends, the line after it, its items. */
    private record ListTail(int end, int nextLine, List<String> items) {
    }

    /** Longest list item, in words, that a {@link ListTail} takes along. */
    static final int SHORT_ITEM_WORDS = 12;

    /** A heading of a laid-out document, on the stack of those above the current line. */
    private record Head(int level, String label, List<String> frameworks, Aspect aspect) {
    }


    private final FrameworkLexicon lexicon;
    private final AspectClassifier aspects = new AspectClassifier();
    private final TableParser tables;
    private final TextTables textTables;
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
        this.textTables = new TextTables(lexicon);
        this.plainText = new PlainTextReader(textTables);
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
     * @param layout  what each line of its text is (Markdown, HTML), or {@code null} for plain text, whose
     *                headings, lists and tables are then recognised from the lines
     * @param cleaning what is page furniture
     * @param dropped  lines to leave out wherever they appear, folded and lower-cased (lines repeated across
     *                 documents, see {@link Cleaning})
     */
    public List<Passage> segment(Document document, Layout layout, Cleaning cleaning, Set<String> dropped) {
        if (layout == null) {
            PlainTextReader.Reading read = plainText.read(document.text(), cleaning, dropped);
            return new Walk(document, read.lines(), read.layout(), cleaning, dropped).run();
        }
        return new Walk(document, Line.of(document.text()), layout, cleaning, dropped).run();
    }

    /** One pass over one document; holds the section state. */
    private final class Walk {
        private final Document doc;
        private final String text;
        private final List<Line> lines;
        private final Set<String> seenParagraphs = new HashSet<>();
        private final List<Passage> passages = new ArrayList<>();
        private final List<Sentence> pending = new ArrayList<>();
        private String parent = "";
        private String sub = null;
        private List<String> sectionSubjects = List.of();
        private Aspect sectionAspect = null;
        private List<String> previousSubjects = List.of();
        private String lastHeading = null;
        private boolean contentSinceHeading = false;
        private int listGroups = 0;
        private int currentList = -1;
        /** Frameworks a list of bare names under the current heading recommends ("NestJS", "Fastify"…). */
        private List<String> recommended = new ArrayList<>();
        /** The sub-heading that list stood under. */
        private String recommendedUnder = "";

        private final Layout layout;
        private final Set<String> dropped;
        /** Headings above the current line in a laid-out document: level, label, frameworks it names, aspect. */
        private final List<Head> headings = new ArrayList<>();

        private final Cleaning cleaning;
        /** Laid-out documents: the subjects of the sentence introducing the current list, if it ends with ':'. */
        private List<String> introSubjects = List.of();
        /**
         * Laid-out documents: the lead-in of the list items at each depth ("PR should have:" over its nested items,
         * "You can also contribute by:" over the list after it); an item is stated with it.
         */
        private final Map<Integer, String> leadIns = new HashMap<>();
        /** The lead-in of the item being read, or {@code null}. */
        private String itemLeadIn = null;
        /** Laid-out documents: the frameworks the document is about, for sections whose headings name none. */
        private final List<String> documentSubjects;

        Walk(Document doc, List<Line> lines, Layout layout, Cleaning cleaning, Set<String> dropped) {
            this.doc = doc;
            this.text = doc.text();
            this.lines = lines;
            this.layout = layout;
            this.cleaning = cleaning;
            this.dropped = dropped;
            if (layout.kinds().size() != lines.size()) {
                throw new IllegalArgumentException("layout of " + doc.id() + " has " + layout.kinds().size()
                        + " lines, its text " + lines.size());
            }
            this.documentSubjects = layout.guessed() ? List.of() : documentSubjects();
        }

        /** The one walk: each line by the kind its layout says. */
        List<Passage> run() {
            int i = 0;
            while (i < lines.size()) {
                Line line = lines.get(i);
                String t = line.trimmed();
                Layout.Kind kind = layout.kinds().get(i);
                if (kind != Layout.Kind.ITEM && kind != Layout.Kind.BLANK) {
                    introSubjects = List.of();
                }
                if (kind == Layout.Kind.TABLE || kind == Layout.Kind.TEXT_TABLE) {
                    TableParser.Table table = kind == Layout.Kind.TABLE ? tables.pipeTable(text, lines, i)
                            : textTables.read(text, lines, i).orElseThrow();
                    emitTable(table);
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
                        heading(t, level == Layout.REPEATED_LEVEL);
                    } else if (keep(t)) {
                        laidOutHeading(t, level);
                    }
                    currentList = -1;
                } else if (kind == Layout.Kind.ITEM) {
                    if (currentList < 0) {
                        currentList = listGroups++;
                    }
                    int markerEnd = line.trimmedStart() + LineShapes.markerEnd(t);
                    String item = fold(text.substring(markerEnd, line.end()));
                    int depth = layout.levels().get(i);
                    leadIns.keySet().removeIf(d -> d > depth);
                    // a guessed item was judged with its marker, as the whole line
                    if (layout.guessed() || keep(item)) {
                        itemLeadIn = leadIns.get(depth);
                        sentences(markerEnd, line.end(), currentList);
                        itemLeadIn = null;
                        if (item.endsWith(":") && startsList(i + 1) && layout.levels().get(nextLine(i + 1)) == depth + 1
                                && Words.count(item) <= LEAD_IN_WORDS) {
                            leadIns.put(depth + 1, item);
                        }
                    }
                } else if (keep(t)) {
                    currentList = -1;
                    String key = fold(t).toLowerCase(Locale.ROOT);
                    // a paragraph pasted again elsewhere: its first place is the only true one
                    if (key.split(" ").length < 8 || seenParagraphs.add(key)) {
                        Optional<ListTail> tail = !layout.guessed() && t.endsWith(":") ? shortList(i + 1) : Optional.empty();
                        sentences(line.trimmedStart(), line.end(), -1, tail.orElse(null));
                        if (tail.isPresent()) {
                            i = tail.get().nextLine();
                            continue;
                        }
                        List<int[]> spans = sentenceSpans(text, line.trimmedStart(), line.end());
                        String last = spans.isEmpty() ? "" : fold(text.substring(spans.get(spans.size() - 1)[0],
                                spans.get(spans.size() - 1)[1]));
                        if (!layout.guessed() && last.endsWith(":") && Words.count(last) <= LEAD_IN_WORDS && startsList(i + 1)) {
                            leadIns.put(1, last);
                        }
                    }
                }
                i++;
            }
            flush();
            return List.copyOf(passages);
        }

        /** Not page furniture nor a line repeated across documents (a guessed layout has dropped those already). */
        private boolean keep(String line) {
            return !cleaning.isFurniture(fold(line)) && !isDropped(line);
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
        private Optional<ListTail> shortList(int from) {
            int j = from;
            while (j < lines.size() && layout.kinds().get(j) == Layout.Kind.BLANK) {
                j++;
            }
            List<String> items = new ArrayList<>();
            int end = -1;
            int chars = 0;
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
            return items.size() >= 2 ? Optional.of(new ListTail(end, j, items)) : Optional.empty();
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

        private boolean isDropped(String line) {
            return !dropped.isEmpty() && dropped.contains(fold(line).toLowerCase(Locale.ROOT));
        }

        /**
         * A heading of a laid-out document: it closes the headings at its level and below. The section is the
         * last two headings under the title; its frameworks are those its headings name, deepest first ("Previous
         * tools › Flask › Inspired FastAPI to" is about FastAPI and Flask), its aspect the deepest one labelled.
         */
        private void laidOutHeading(String raw, int level) {
            flush();
            String label = fold(raw).replaceAll("[:\\s]+$", "");
            while (!headings.isEmpty() && headings.get(headings.size() - 1).level() >= level) {
                headings.remove(headings.size() - 1);
            }
            // a question about "it" ("Does it run on Bun?") asks about the section's framework: what it names is
            // what the question asks about that framework, not the section's subject
            boolean asksAboutIt = label.endsWith("?") && ReadingCues.BUNDLED.earlyPronoun().matcher(label).find();
            headings.add(new Head(level, label, asksAboutIt ? List.of() : lexicon.names(label),
                    aspects.label(label).orElse(null)));
            List<Head> path = headings.size() > 1 && headings.get(0).level() == 1
                    ? headings.subList(1, headings.size()) : headings;
            parent = path.size() >= 2 ? path.get(path.size() - 2).label() : path.get(path.size() - 1).label();
            sub = path.size() >= 2 ? path.get(path.size() - 1).label() : null;
            Set<String> subjects = new LinkedHashSet<>();
            sectionAspect = null;
            for (int h = headings.size() - 1; h >= 0; h--) {
                subjects.addAll(headings.get(h).frameworks());
                if (sectionAspect == null) {
                    sectionAspect = headings.get(h).aspect();
                }
            }
            sectionSubjects = subjects.isEmpty() ? documentSubjects : List.copyOf(subjects);
            previousSubjects = sectionSubjects;
            recommended = new ArrayList<>();
            lastHeading = PlainTextReader.headingKey(raw);
            contentSinceHeading = false;
        }

        private void heading(String raw, boolean repeatedLabel) {
            String key = PlainTextReader.headingKey(raw);
            if (key.equals(lastHeading) && !contentSinceHeading) {
                return; // an image caption repeating the heading
            }
            String label = fold(LineShapes.NUMBERING.matcher(raw).replaceFirst("")).replaceAll("[:\\s]+$", "");
            List<String> named = lexicon.names(label);
            Optional<Aspect> aspect = aspects.label(label);
            if (!contentSinceHeading && aspect.isEmpty() && isCaptionOf(label, named)) {
                return; // an image caption ("Node js", "Go") under the section's own heading
            }
            flush();
            if (aspect.isPresent() || (repeatedLabel && named.isEmpty())) {
                sub = label;
                sectionAspect = aspect.orElse(null);
                if (sectionSubjects.isEmpty() && !named.isEmpty()) {
                    sectionSubjects = named;
                }
            } else {
                parent = label;
                sub = null;
                sectionAspect = null;
                sectionSubjects = named;
                recommended = new ArrayList<>();
            }
            previousSubjects = sectionSubjects;
            lastHeading = key;
            contentSinceHeading = false;
        }

        /** A caption names only the section's frameworks, or uses only words of the heading above it. */
        private boolean isCaptionOf(String label, List<String> named) {
            if (!named.isEmpty()) {
                return sectionSubjects.containsAll(named);
            }
            if (lastHeading == null) {
                return false;
            }
            Set<String> above = new HashSet<>(List.of(lastHeading.split("[^a-z0-9]+")));
            String[] words = label.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
            return words.length <= 3 && above.containsAll(List.of(words));
        }

        private String section() {
            return sub == null ? parent : parent.isEmpty() ? sub : parent + SECTION_SEPARATOR + sub;
        }

        private void sentences(int from, int to, int listGroup) {
            sentences(from, to, listGroup, null);
        }

        /** As above; the last sentence, which introduces a short list, takes the list along when {@code tail} is set. */
        private void sentences(int from, int to, int listGroup, ListTail tail) {
            boolean samePargraph = false;
            List<int[]> spans = capped(text, sentenceSpans(text, from, to));
            for (int k = 0; k < spans.size(); k++) {
                int[] span = spans.get(k);
                boolean withList = tail != null && k == spans.size() - 1;
                if (withList) {
                    span = new int[] {span[0], tail.end()};
                }
                String quote = fold(text.substring(span[0], span[1]));
                if (quote.isEmpty() || cleaning.isFurniture(quote)) {
                    continue;
                }
                // items of a list a sentence introduces ("Hono runs on these runtimes:") are about its subject
                boolean introduced = listGroup >= 0 && !introSubjects.isEmpty();
                boolean justNames = listGroup >= 0 && lexicon.isJustNames(quote) && !introduced;
                if (justNames) {
                    // a recommendation list: what the section goes on to say of "these frameworks" is about them
                    lexicon.names(quote).stream().filter(n -> !recommended.contains(n)).forEach(recommended::add);
                    recommendedUnder = sub == null ? "" : sub;
                }
                // bullets under a later sub-heading ("Why These Frameworks Work Well") and prose that refers back
                // ("These frameworks are commonly used for…") are about the list; other prose is not
                boolean aboutList = listGroup >= 0 ? !(sub == null ? "" : sub).equals(recommendedUnder)
                        : ReadingCues.BUNDLED.refersBack().matcher(quote).find();
                List<String> defaults = introduced ? introSubjects
                        : sectionSubjects.isEmpty() && !justNames && aboutList ? recommended : sectionSubjects;
                // a sentence stated with its list is about what the sentence names; the list's names are mentions
                String claim = withList ? fold(text.substring(span[0], to)) : quote;
                SubjectResolver.Resolved r = introduced && lexicon.isJustNames(quote)
                        ? new SubjectResolver.Resolved(introSubjects, lexicon.names(quote))
                        : subjectResolver.resolve(claim, defaults, previousSubjects, samePargraph);
                if (withList) {
                    r = new SubjectResolver.Resolved(r.subjects(), lexicon.names(quote));
                }
                samePargraph = true;
                Aspect aspect;
                if (r.subjects().isEmpty()) {
                    aspect = Aspect.GENERAL;
                } else if (justNames) {
                    aspect = Aspect.FIT;
                } else if (sectionAspect != null) {
                    aspect = sectionAspect;
                } else {
                    aspect = aspects.cue(claim);
                }
                // an item under a lead-in is stated with it ("PR should have: Test case"); the quote is the item
                String shown = withList ? display(claim) + " " + String.join(", ", tail.items())
                        : itemLeadIn != null && k == 0 ? itemLeadIn + " " + quote : display(quote);
                add(new Sentence(doc.id(), span[0], span[1], quote, shown, r.subjects(), r.mentions(), aspect, listGroup,
                        false));
                previousSubjects = r.subjects();
                if (!layout.guessed() && listGroup < 0) {
                    introSubjects = quote.endsWith(":") ? r.subjects() : List.of();
                }
            }
        }

        private void add(Sentence s) {
            contentSinceHeading = true;
            List<Sentence> candidate = new ArrayList<>(pending);
            candidate.add(s);
            if (!pending.isEmpty() && tokens.estimate(indexText(section(), candidate, List.of(), null)) > tokenBudget) {
                flush();
            }
            pending.add(s);
        }

        private void emitTable(TableParser.Table table) {
            flush();
            for (TableParser.Row row : table.rows()) {
                int group = listGroups++;
                List<Sentence> cells = new ArrayList<>();
                for (TableParser.Cell cell : row.cells()) {
                    String quote = fold(text.substring(cell.start(), cell.end()));
                    List<String> mentions = row.ownNamesOnly() ? row.subjects() : lexicon.names(quote + " " + row.frameworkCell());
                    cells.add(new Sentence(doc.id(), cell.start(), cell.end(), quote, cell.display(), row.subjects(),
                            mentions, cell.aspect(), group, true));
                }
                String heading = parent.isEmpty() ? row.frameworkCell() : parent + SECTION_SEPARATOR + row.frameworkCell();
                String index = indexText(heading, cells, row.cells(), row.frameworkCell());
                passages.add(passage(heading, cells, index));
            }
            contentSinceHeading = true;
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            passages.add(passage(section(), pending, indexText(section(), pending, List.of(), null)));
            pending.clear();
        }

        private Passage passage(String section, List<Sentence> sentences, String indexText) {
            Set<String> frameworks = new TreeSet<>();
            for (Sentence s : sentences) {
                frameworks.addAll(s.subjects());
                frameworks.addAll(s.mentions());
            }
            int start = sentences.stream().mapToInt(Sentence::start).min().orElse(0);
            int end = sentences.stream().mapToInt(Sentence::end).max().orElse(0);
            return new Passage(doc.id() + "#" + passages.size(), doc.id(), section, start, end, indexText,
                    sentences, List.copyOf(frameworks));
        }
    }


    /**
     * How an answer states a prose sentence: the quote without a leading connective that only links it to
     * the sentence before ("Whereas Express.js is ideal…" → "Express.js is ideal…"). The quote stays verbatim.
     */
    static String display(String quote) {
        var m = ReadingCues.BUNDLED.connective().matcher(quote);
        if (!m.find() || m.end() >= quote.length()) {
            return quote;
        }
        String rest = quote.substring(m.end());
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /**
     * Heading, then each sentence as an answer would state it; table cells carry their column name, and a label
     * shared by consecutive sentences (the row a heading already names, a list's lead-in) is stated once.
     *
     * @param rowLabel the table row's label, which the heading names; {@code null} for prose
     */
    private static String indexText(String section, List<Sentence> sentences, List<TableParser.Cell> cells, String rowLabel) {
        StringBuilder b = new StringBuilder();
        if (!section.isEmpty()) {
            b.append(section).append(".\n");
        }
        String previous = "";
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (i > 0) {
                b.append(' ');
            }
            String shown = s.display();
            if (!cells.isEmpty()) {
                String column = cells.get(i).column();
                String row = rowLabel + TableParser.ROW_LABEL;
                if (!shown.startsWith(column) && shown.startsWith(row)) {
                    shown = shown.substring(row.length());
                }
                if (s.aspect() != Aspect.RATING && s.aspect() != Aspect.OVERVIEW && !shown.startsWith(column)) {
                    shown = column + ": " + shown;
                }
            } else if (!shown.equals(s.quote()) && shown.endsWith(" " + s.quote())) {
                String label = shown.substring(0, shown.length() - s.quote().length() - 1);
                if (label.equals(previous)) {
                    shown = s.quote(); // the lead-in, stated already
                }
                previous = label;
            } else {
                previous = s.quote();
            }
            b.append(shown);
            if (!shown.matches(".*[.!?:]$")) {
                b.append('.');
            }
        }
        return b.toString();
    }



    /** Sentence spans within [from, to), trimmed, not split after abbreviations such as "U.S." or "e.g.". */
    static List<int[]> sentenceSpans(String text, int from, int to) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String region = text.substring(from, to);
        it.setText(region);
        List<int[]> spans = new ArrayList<>();
        int s = it.first();
        for (int e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
            int a = from + s;
            int b = from + e;
            while (a < b && isSpace(text.charAt(a))) {
                a++;
            }
            while (b > a && isSpace(text.charAt(b - 1))) {
                b--;
            }
            if (b <= a) {
                continue;
            }
            if (!spans.isEmpty() && ReadingCues.BUNDLED.abbreviationEnd().matcher(text.substring(spans.get(spans.size() - 1)[0],
                    spans.get(spans.size() - 1)[1])).find()) {
                spans.get(spans.size() - 1)[1] = b;
            } else {
                spans.add(new int[] {a, b});
            }
        }
        return spans;
    }

    /**
     * The spans, each over {@link #MAX_SENTENCE_CHARS} cut at its last space before the cap (mid-word when it
     * has none): a 2 MB line without a full stop becomes many quotable pieces, never one 2 MB quote.
     */
    static List<int[]> capped(String text, List<int[]> spans) {
        List<int[]> out = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            int a = span[0];
            while (span[1] - a > MAX_SENTENCE_CHARS) {
                int cut = a + MAX_SENTENCE_CHARS;
                int space = cut;
                while (space > a + MAX_SENTENCE_CHARS / 2 && !isSpace(text.charAt(space))) {
                    space--;
                }
                if (isSpace(text.charAt(space))) {
                    cut = space;
                } else if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
                int end = cut;
                while (end > a && isSpace(text.charAt(end - 1))) {
                    end--;
                }
                out.add(new int[] {a, end});
                a = cut;
                while (a < span[1] && isSpace(text.charAt(a))) {
                    a++;
                }
            }
            if (a < span[1]) {
                out.add(new int[] {a, span[1]});
            }
        }
        return out;
    }



    /** White space (no-break spaces included: the captures are full of them) folded to single spaces, trimmed. */
    public static String fold(String s) {
        return SPACE_RUN.matcher(s).replaceAll(" ").trim();
    }

    /** True for white space, no-break spaces included. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
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
