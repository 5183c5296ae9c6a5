package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Packs one document's sentences, in order, into {@link Passage}s: consecutive sentences of one section while
 * the passage's index text (its section heading, then each sentence as an answer states it) stays within the
 * token budget, estimated by {@link TokenEstimator}; a table row is a passage of its own, so that every row names
 * its framework. Ids are {@code <documentId>#<n>} from 0.
 */
final class PassagePacker {

    private final String documentId;
    private final TokenEstimator tokens;
    private final int tokenBudget;
    private final List<Passage> passages = new ArrayList<>();
    private final List<Sentence> pending = new ArrayList<>();
    /** The section the pending sentences stand in (a section change always ends a passage first). */
    private String pendingSection = "";

    /**
     * @param tokenBudget estimated word pieces of a passage's index text, heading included
     */
    PassagePacker(String documentId, TokenEstimator tokens, int tokenBudget) {
        this.documentId = documentId;
        this.tokens = tokens;
        this.tokenBudget = tokenBudget;
    }

    /**
     * Adds a sentence of {@code section}; the passage packed so far ends first when the sentence would take it over
     * the budget (a passage holds at least one sentence, whatever its length).
     */
    void add(Sentence s, String section) {
        if (!pending.isEmpty()) {
            List<Sentence> candidate = new ArrayList<>(pending);
            candidate.add(s);
            if (tokens.estimate(indexText(pendingSection, candidate, List.of(), null)) > tokenBudget) {
                flush();
            }
        }
        pendingSection = section;
        pending.add(s);
    }

    /** Ends the passage being packed, if any. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        passages.add(passage(pendingSection, pending, indexText(pendingSection, pending, List.of(), null)));
        pending.clear();
    }

    /** A table row as a passage of its own under {@code heading}: {@code cells} are the row's cells as sentences. */
    void row(String heading, List<Sentence> cells, TableParser.Row row) {
        flush();
        passages.add(passage(heading, cells, indexText(heading, cells, row.cells(), row.frameworkCell())));
    }

    /** The passages packed, the last one ended. */
    List<Passage> passages() {
        flush();
        return List.copyOf(passages);
    }

    private Passage passage(String section, List<Sentence> sentences, String indexText) {
        Set<String> frameworks = new TreeSet<>();
        for (Sentence s : sentences) {
            frameworks.addAll(s.subjects());
            frameworks.addAll(s.mentions());
        }
        int start = sentences.stream().mapToInt(Sentence::start).min().orElse(0);
        int end = sentences.stream().mapToInt(Sentence::end).max().orElse(0);
        return new Passage(documentId + "#" + passages.size(), documentId, section, start, end, indexText,
                sentences, List.copyOf(frameworks));
    }

    /**
     * Heading, then each sentence as an answer would state it; table cells carry their column name, and a label
     * shared by consecutive sentences (the row a heading already names, a list's lead-in) is stated once.
     *
     * @param cells    the table row's cells, one per sentence; empty for prose
     * @param rowLabel the table row's label, which the heading names; {@code null} for prose
     */
    static String indexText(String section, List<Sentence> sentences, List<TableParser.Cell> cells, String rowLabel) {
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
}
