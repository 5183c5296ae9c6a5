package dev.stackadvisor.slack;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders a CommonMark tree (parsed by org.commonmark) as Slack mrkdwn
 * (https://api.slack.com/reference/surfaces/formatting): {@code **b**} → {@code *b*}, {@code *i*} / {@code _i_} →
 * {@code _i_}, code spans and blocks kept in backticks, {@code [text](url)} → {@code <url|text>}, list items →
 * {@code •} (ordered ones keep their numbers), headings → bold lines, block quotes → {@code >} lines. Text is escaped
 * ({@code &}, {@code <}, {@code >}); in it, each of our {@code [n]} citation markers becomes a link to its article
 * when the caller knows one, and adjacent markers are spaced. Blocks keep the line layout of the source: one line
 * break between blocks on consecutive lines, one blank line where the source had one or more. One instance per
 * rendering.
 */
final class MrkdwnRenderer extends AbstractVisitor {

    /** Block spans only: enough to see where the source had blank lines between blocks. */
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern ADJACENT_MARKERS = Pattern.compile("(\\[\\d{1,3}])(?=\\[\\d{1,3}])");
    /** Nested list items are indented by this much per level. */
    private static final String INDENT = "    ";

    private final Map<Integer, String> urls;
    private final StringBuilder out = new StringBuilder();
    private int listDepth;
    private boolean inBold;

    private MrkdwnRenderer(Map<Integer, String> urls) {
        this.urls = urls;
    }

    /**
     * Markdown text as mrkdwn.
     *
     * @param markdown the text (CommonMark; plain text is a paragraph per block of lines)
     * @param urls     the article URL per marker number; markers without one stay plain
     */
    static String render(String markdown, Map<Integer, String> urls) {
        MrkdwnRenderer r = new MrkdwnRenderer(urls);
        PARSER.parse(markdown).accept(r);
        return r.out.toString().strip();
    }

    @Override
    public void visit(Document document) {
        blocks(document, "");
    }

    @Override
    public void visit(Heading heading) {
        bold(heading);
    }

    @Override
    public void visit(BulletList list) {
        items(list);
    }

    @Override
    public void visit(OrderedList list) {
        items(list);
    }

    @Override
    public void visit(ListItem item) {
        blocks(item, INDENT.repeat(listDepth));
    }

    @Override
    public void visit(BlockQuote quote) {
        MrkdwnRenderer inner = new MrkdwnRenderer(urls);
        inner.blocks(quote, "");
        out.append("> ").append(inner.out.toString().strip().replace("\n", "\n> "));
    }

    @Override
    public void visit(FencedCodeBlock code) {
        codeBlock(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        codeBlock(code.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
        out.append(Mrkdwn.escape(html.getLiteral().strip()));
    }

    @Override
    public void visit(ThematicBreak rule) {
        out.append("———");
    }

    @Override
    public void visit(LinkReferenceDefinition definition) {
        // a definition shows nothing; the links using it are rendered where they stand
    }

    @Override
    public void visit(Text text) {
        String t = ADJACENT_MARKERS.matcher(Mrkdwn.escape(text.getLiteral())).replaceAll("$1 ");
        Matcher m = MARKER.matcher(t);
        while (m.find()) {
            String url = urls.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(url == null ? m.group() : Mrkdwn.link(url, m.group())));
        }
        m.appendTail(out);
    }

    @Override
    public void visit(Code code) {
        out.append('`').append(Mrkdwn.escape(code.getLiteral())).append('`');
    }

    @Override
    public void visit(Emphasis emphasis) {
        out.append('_');
        visitChildren(emphasis);
        out.append('_');
    }

    @Override
    public void visit(StrongEmphasis strong) {
        bold(strong);
    }

    @Override
    public void visit(Link link) {
        label(link, link.getDestination());
    }

    @Override
    public void visit(Image image) {
        label(image, image.getDestination());
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(Mrkdwn.escape(html.getLiteral()));
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.append('\n');
    }

    /**
     * The children of a container, one after another: a line break between blocks on consecutive source lines, a
     * blank line where the source had at least one; continuation lines start with {@code indent}.
     */
    private void blocks(Node parent, String indent) {
        Node previous = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (previous != null) {
                out.append(blankLineBetween(previous, child) ? "\n\n" : "\n").append(indent);
            }
            child.accept(this);
            previous = child;
        }
    }

    /** A list: each item on its own line(s) after its bullet ({@code •}) or number, nested lists indented. */
    private void items(ListBlock list) {
        String indent = INDENT.repeat(listDepth);
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList o && o.getMarkerDelimiter() != null ? o.getMarkerDelimiter() : ".";
        listDepth++;
        Node previous = null;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (previous != null) {
                out.append(blankLineBetween(previous, item) ? "\n\n" : "\n").append(indent);
            }
            out.append(list instanceof OrderedList ? number++ + delimiter + " " : "• ");
            item.accept(this);
            previous = item;
        }
        listDepth--;
    }

    private void bold(Node node) {
        if (inBold) {
            visitChildren(node);
            return;
        }
        inBold = true;
        out.append('*');
        visitChildren(node);
        out.append('*');
        inBold = false;
    }

    /** A link's text linked to {@code url} when it is safe to link to; the text alone otherwise. */
    private void label(Node node, String url) {
        MrkdwnRenderer text = new MrkdwnRenderer(Map.of());
        text.inBold = inBold;
        text.visitChildren(node);
        String label = text.out.toString();
        out.append(Mrkdwn.isSafeUrl(url) ? "<" + url + "|" + label + ">" : label);
    }

    private void codeBlock(String literal) {
        out.append("```\n").append(Mrkdwn.escape(literal.stripTrailing())).append("\n```");
    }

    private static boolean blankLineBetween(Node previous, Node next) {
        List<SourceSpan> before = previous.getSourceSpans();
        List<SourceSpan> after = next.getSourceSpans();
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        return after.get(0).getLineIndex() - before.get(before.size() - 1).getLineIndex() > 1;
    }
}
