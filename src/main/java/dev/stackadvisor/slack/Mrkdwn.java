package dev.stackadvisor.slack;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text between our answers and Slack's markup ("mrkdwn", https://api.slack.com/reference/surfaces/formatting):
 * out, an answer becomes mrkdwn; in, a message's markup becomes the plain question. Pure functions.
 */
public final class Mrkdwn {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern ADJACENT_MARKERS = Pattern.compile("(\\[\\d{1,3}])(?=\\[\\d{1,3}])");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*[-*+][ \\t]+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("(?m)[ \\t]+$");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|]+");
    private static final Pattern USER_MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL_LINK = Pattern.compile("<#[A-Z0-9]+\\|([^>]*)>");
    private static final Pattern LABELLED = Pattern.compile("<(?:[^>|]+)\\|([^>]*)>");
    private static final Pattern BARE = Pattern.compile("<([^>@#!][^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<![^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private Mrkdwn() {
    }

    /**
     * Escapes the three characters Slack reserves for its markup: {@code &}, {@code <}, {@code >}.
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * An answer as mrkdwn: reserved characters escaped; Markdown that an LLM may write ({@code **bold**},
     * {@code # heading}, {@code - item}) turned into Slack's ({@code *bold*}, bold line, {@code •} item);
     * adjacent {@code [1][2]} markers spaced; each {@code [n]} marker a link to its article when
     * {@code urls} knows one; line breaks kept (Slack honours {@code \n}), runs of blank lines folded to one.
     *
     * @param text the answer with {@code [n]} markers
     * @param urls the article URL per marker number; markers without one stay plain
     */
    public static String fromAnswer(String text, Map<Integer, String> urls) {
        String t = escape(text.replace("\r\n", "\n").replace('\r', '\n'));
        t = HEADING.matcher(t).replaceAll("*$1*");
        t = BULLET.matcher(t).replaceAll("• ");
        t = BOLD.matcher(t).replaceAll("*$1*");
        t = ADJACENT_MARKERS.matcher(t).replaceAll("$1 ");
        Matcher m = MARKER.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = urls.get(Integer.parseInt(m.group(1)));
            String marker = url != null && SAFE_URL.matcher(url).matches()
                    ? "<" + url + "|[" + m.group(1) + "]>" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(marker));
        }
        m.appendTail(out);
        t = TRAILING_SPACE.matcher(out.toString()).replaceAll("");
        return BLANK_LINES.matcher(t).replaceAll("\n\n").strip();
    }

    /**
     * A link to {@code url} labelled {@code label} (escaped), or just the escaped label when the URL is absent or
     * unsafe to put in a link.
     */
    public static String link(String url, String label) {
        return url != null && SAFE_URL.matcher(url).matches() ? "<" + url + "|" + escape(label) + ">" : escape(label);
    }

    /**
     * A message's text as the plain question: user mentions (the bot's included) removed, channel links and
     * labelled links reduced to their labels, bare links to their URLs, {@code <!here>}-style commands dropped,
     * Slack's escapes undone, control characters and runs of white space folded to one space.
     *
     * @param text the message text as the Events API delivers it; null is ""
     */
    public static String toPlain(String text) {
        if (text == null) {
            return "";
        }
        String t = USER_MENTION.matcher(text).replaceAll(" ");
        t = SPECIAL.matcher(t).replaceAll(" ");
        t = CHANNEL_LINK.matcher(t).replaceAll("#$1");
        t = LABELLED.matcher(t).replaceAll("$1");
        t = BARE.matcher(t).replaceAll("$1");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        t = CONTROL.matcher(t).replaceAll(" ");
        return t.replaceAll("\\s+", " ").strip();
    }

    /**
     * The longest prefix of {@code text} of at most {@code max} characters that ends at a word boundary (or
     * hard at {@code max - 1} when there is none), followed by an ellipsis; {@code text} itself when it fits.
     * Never splits a surrogate pair or an {@code &amp;}-style escape.
     *
     * @param max at least 2
     */
    public static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        int space = text.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        return text.substring(0, safeCut(text, cut)).stripTrailing() + "…";
    }

    /**
     * Where to end a piece of {@code text} of at most {@code max} characters: at the last paragraph break, else
     * line break, else space, in the second half of the window; else hard at {@code max}.
     */
    static int splitPoint(String text, int max) {
        if (text.length() <= max) {
            return text.length();
        }
        for (String sep : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(sep, max - sep.length());
            if (at > max / 2) {
                return at;
            }
        }
        return safeCut(text, max);
    }

    /** Moves a cut back so it splits neither a surrogate pair nor an entity such as {@code &amp;}. */
    private static int safeCut(String text, int cut) {
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp < 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
