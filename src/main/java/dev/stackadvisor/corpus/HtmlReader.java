package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML article (jsoup) into the {@link Layout} model: the main text ({@code <main>}, else
 * {@code <article>}, else {@code <body>}) as headings, paragraphs, list items and table rows. Scripts, styles,
 * navigation, headers and footers, asides, forms and code blocks are dropped. Metadata comes from
 * {@code <title>} (or {@code og:title}), {@code og:site_name}, {@code <meta name="author">},
 * {@code article:published_time} and the canonical link.
 */
final class HtmlReader {

    /** Page furniture and non-prose: never part of the text. */
    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "button, iframe, svg, canvas, pre, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    Layout.ReadDocument read(String source) {
        org.jsoup.nodes.Document html = Jsoup.parse(source);
        Layout.Builder out = new Layout.Builder();
        out.meta("title", html.title());
        out.meta("title", attr(html, "meta[property=og:title]", "content"));
        out.meta("publisher", attr(html, "meta[property=og:site_name]", "content"));
        out.meta("author", attr(html, "meta[name=author]", "content"));
        String date = attr(html, "meta[property=article:published_time]", "content");
        out.meta("date", date == null || date.length() < 10 ? date : date.substring(0, 10));
        out.meta("url", attr(html, "link[rel=canonical]", "href"));
        out.meta("url", attr(html, "meta[property=og:url]", "content"));
        Element root = html.selectFirst("main");
        if (root == null) {
            root = html.selectFirst("article");
        }
        if (root == null) {
            root = html.body();
        }
        root.select(DROPPED).remove();
        blocks(root, out);
        return out.build();
    }

    private static String attr(org.jsoup.nodes.Document html, String query, String attribute) {
        Element e = html.selectFirst(query);
        return e == null ? null : e.attr(attribute);
    }

    private void blocks(Element parent, Layout.Builder out) {
        StringBuilder loose = new StringBuilder(); // text sitting directly in a container, outside any <p>
        for (Node n : parent.childNodes()) {
            if (n instanceof TextNode t) {
                loose.append(t.text());
                continue;
            }
            if (!(n instanceof Element e)) {
                continue;
            }
            String tag = e.normalName();
            if (!e.isBlock() && !tag.equals("table") && !tag.equals("li") && !tag.equals("summary")) {
                loose.append(e.text());
                continue;
            }
            out.paragraph(loose.toString());
            loose.setLength(0);
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> out.heading(tag.charAt(1) - '0', e.text());
                case "p" -> paragraph(e, out);
                case "dt", "summary" -> out.questionOrParagraph(e.text());
                case "dd", "figcaption", "caption" -> out.paragraph(e.text());
                case "ul", "ol", "dl" -> {
                    list(e, 1, out);
                    out.blank();
                }
                case "table" -> table(e, out);
                default -> blocks(e, out);
            }
        }
        out.paragraph(loose.toString());
    }

    /**
     * A paragraph; one that is only a question, or opens with a bold question followed by its answer ("<b>Does it
     * support X?</b> Yes, …"), heads its answer with the question.
     */
    private static void paragraph(Element p, Layout.Builder out) {
        Element first = p.children().isEmpty() ? null : p.child(0);
        if (first != null && (first.normalName().equals("strong") || first.normalName().equals("b"))
                && LineShapes.isQuestion(first.text()) && p.text().startsWith(first.text())) {
            out.heading(Layout.QUESTION_LEVEL, first.text());
            out.paragraph(p.text().substring(first.text().length()));
            return;
        }
        out.questionOrParagraph(p.text());
    }

    private void list(Element list, int depth, Layout.Builder out) {
        for (Element li : list.children()) {
            if (li.normalName().equals("dt")) {
                out.questionOrParagraph(li.text()); // a definition list's term: an FAQ's question heads its answer
                continue;
            }
            if (!li.normalName().equals("li")) {
                blocks(li, out);
                continue;
            }
            Element copy = li.clone();
            copy.select("ul, ol").remove();
            out.item(depth, copy.text());
            for (Element nested : li.select("> ul, > ol")) {
                list(nested, depth + 1, out);
            }
        }
    }

    private void table(Element table, Layout.Builder out) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            boolean allHeader = true;
            for (Element cell : tr.select("> th, > td")) {
                cells.add(cell.text());
                allHeader &= cell.normalName().equals("th");
            }
            if (cells.isEmpty()) {
                continue;
            }
            if (header.isEmpty() && (allHeader || tr.parent() != null && tr.parent().normalName().equals("thead"))) {
                header.addAll(cells);
            } else if (header.isEmpty() && rows.isEmpty()) {
                header.addAll(cells); // no <th>: the first row names the columns
            } else {
                rows.add(cells);
            }
        }
        out.blank();
        out.table(header, rows);
    }
}
