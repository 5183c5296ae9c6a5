package dev.stackadvisor.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown article (CommonMark with GFM pipe tables, commonmark-java) into the {@link Layout} model:
 * headings, paragraphs, list items and table rows. Code blocks, HTML blocks and images are not prose and are
 * left out; inline code keeps its text. YAML front matter ({@code ---} … {@code ---} at the top, read with
 * Jackson's YAML mapper) gives the metadata: {@code title}, {@code publisher} (or {@code site}),
 * {@code author}, {@code date}, {@code url}.
 *
 * <p>Two conventions of documentation sites are read as structure rather than text: a heading's trailing
 * anchor ({@code ## Intro { #intro }}) is dropped, and an admonition ({@code /// tip | Title},
 * {@code ::: tip Title}, {@code !!! note "Title"}) becomes a sub-heading with its title, its closing marker
 * dropped. A callout's marker in a quote block ({@code > info **Hint**}, {@code > [!NOTE]}) is dropped, and a
 * question set apart (a paragraph that is only a question, or opens with one in bold) heads its answer.
 */
final class MarkdownReader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\r?\\n(.*?)\\r?\\n(---|\\.\\.\\.)[ \\t]*(\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern HEADING_ANCHOR = Pattern.compile("\\s*\\{\\s*#[^}]*\\}\\s*$");
    /** An admonition's opening or closing marker line, with its optional type and title. */
    private static final Pattern ADMONITION = Pattern.compile(
            "^(?:/{3,}|:{3,}|!{3}|\\?{3}\\+?)\\s*(?:[\\w-]+)?\\s*(?:\\|\\s*)?(?:\"?(?<title>[^\"]*)\"?)?\\s*$");
    /** Heading level given to an admonition title: below any Markdown heading. */
    static final int ADMONITION_LEVEL = 7;

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /**
     * @param source the file's text
     * @return the document; a front matter that is not YAML is skipped with its warning in {@code warnings}
     */
    Layout.ReadDocument read(String source, List<String> warnings) {
        Layout.Builder out = new Layout.Builder();
        String body = source;
        Matcher fm = FRONT_MATTER.matcher(source);
        if (fm.find()) {
            body = source.substring(fm.end());
            try {
                JsonNode meta = new YAMLMapper().readTree(fm.group(1)); // only for a file with front matter
                if (meta != null && meta.isObject()) {
                    out.meta("title", meta.path("title").asText(null));
                    out.meta("publisher", meta.path("publisher").asText(null));
                    out.meta("publisher", meta.path("site").asText(null));
                    out.meta("author", meta.path("author").asText(null));
                    out.meta("date", date(meta.path("date").asText(null)));
                    out.meta("url", meta.path("url").asText(null));
                }
            } catch (IOException e) {
                warnings.add("front matter is not YAML (" + e.getMessage().lines().findFirst().orElse("") + "); ignored");
            }
        }
        blocks(parser.parse(body), out);
        return out.build();
    }

    private static String date(String value) {
        return value == null || value.length() < 10 ? value : value.substring(0, 10);
    }

    private void blocks(Node parent, Layout.Builder out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                out.heading(h.getLevel(), HEADING_ANCHOR.matcher(inline(h)).replaceFirst(""));
            } else if (n instanceof Paragraph p) {
                paragraph(p, out);
            } else if (n instanceof ListBlock) {
                list(n, 1, out);
                out.blank();
            } else if (n instanceof TableBlock t) {
                table(t, out);
            } else if (n instanceof BlockQuote) {
                callout(n);
                blocks(n, out);
            } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof HtmlBlock) {
                out.blank(); // code is not prose: never quoted
            } else {
                blocks(n, out); // a node an extension adds: its text blocks, if any
            }
        }
    }

    /**
     * A paragraph; an FAQ entry written as a bold question with its answer after it ("**Does it support X?** Yes,
     * …") is the question, heading its answer.
     */
    private static void paragraph(Paragraph p, Layout.Builder out) {
        Node first = p.getFirstChild();
        if (first instanceof StrongEmphasis || first instanceof Emphasis) {
            String lead = inline(first);
            if (LineShapes.isQuestion(lead)) {
                StringBuilder rest = new StringBuilder();
                for (Node n = first.getNext(); n != null; n = n.getNext()) {
                    appendNode(n, rest);
                }
                out.heading(Layout.QUESTION_LEVEL, lead);
                out.paragraph(rest.toString());
                return;
            }
        }
        paragraph(inline(p), out);
    }

    /**
     * A quote block that opens as a callout — a type word and a bold title ({@code > info **Hint** Note that …}) or
     * GitHub's {@code > [!NOTE]} — starts with markup, not words: the marker is dropped and the text reads as the
     * quote block's own sentences ("Note that …"). No sub-heading: the quote block has no closing line to end it.
     */
    private static void callout(Node quote) {
        if (!(quote.getFirstChild() instanceof Paragraph p) || !(p.getFirstChild() instanceof Text type)) {
            return;
        }
        Matcher alert = CALLOUT_TYPE.matcher(type.getLiteral());
        if (!alert.matches()) {
            return;
        }
        Node next = type.getNext();
        if (alert.group("alert") != null) {
            type.unlink();
        } else if (next instanceof StrongEmphasis title) {
            type.unlink();
            title.unlink();
        }
    }

    /** A callout's opening: GitHub's {@code [!NOTE]}, or a lower-case type word before a bold title. */
    private static final Pattern CALLOUT_TYPE = Pattern.compile("\\s*(?:\\[!(?<alert>[A-Za-z]+)\\]|[a-z]+\\s+)\\s*");

    private static void paragraph(String text, Layout.Builder out) {
        Matcher admonition = ADMONITION.matcher(text);
        if (admonition.matches()) {
            String title = admonition.group("title");
            if (title != null && !title.isBlank()) {
                out.heading(ADMONITION_LEVEL, title);
            }
            return;
        }
        out.questionOrParagraph(text);
    }

    /** Each paragraph of an item is an item; nested lists follow their parent item, one level deeper. */
    private void list(Node list, int depth, Layout.Builder out) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    out.item(depth, inline(p));
                } else if (c instanceof ListBlock) {
                    list(c, depth + 1, out);
                } else if (c instanceof Heading h) {
                    out.item(depth, inline(h));
                }
            }
        }
    }

    private void table(TableBlock table, Layout.Builder out) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, header, rows);
        out.blank();
        out.table(header, rows);
    }

    private void collectRows(Node node, List<String> header, List<List<String>> rows) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                boolean head = false;
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        head |= cell.isHeader();
                        cells.add(inline(cell));
                    }
                }
                if (head && header.isEmpty()) {
                    header.addAll(cells);
                } else {
                    rows.add(cells);
                }
            } else {
                collectRows(n, header, rows);
            }
        }
    }

    /** The plain text of inline content: emphasis and links keep their text, images and inline HTML go. */
    private static String inline(Node node) {
        StringBuilder b = new StringBuilder();
        appendInline(node, b);
        return b.toString();
    }

    private static void appendInline(Node node, StringBuilder b) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            appendNode(n, b);
        }
    }

    private static void appendNode(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getLiteral());
        } else if (n instanceof Code c) {
            b.append(c.getLiteral());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            b.append(' ');
        } else if (!(n instanceof Image || n instanceof HtmlInline)) {
            appendInline(n, b);
        }
    }
}
