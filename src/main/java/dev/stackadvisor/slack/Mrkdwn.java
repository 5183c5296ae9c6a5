package dev.stackadvisor.slack;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text between our answers and Slack's markup ("mrkdwn", https://api.slack.com/reference/surfaces/formatting):
 * out, an answer's Markdown becomes mrkdwn (CommonMark parses it, {@link MrkdwnRenderer} writes it); in, a
 * message's markup becomes the plain question (Slack's own {@code <…>} syntax, which no Markdown parser reads).
 * Pure functions.
 */
public final class Mrkdwn {

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
     * An answer as mrkdwn: its Markdown (as an LLM may write it, or the composer's {@code **name**} and
     * {@code - item} lines) parsed by CommonMark and rendered by {@link MrkdwnRenderer} ({@code *bold*},
     * {@code _italic_}, {@code <url|text>} links, {@code •} items, headings as bold lines); reserved characters
     * escaped; adjacent {@code [1][2]} markers spaced; each {@code [n]} marker a link to its article when
     * {@code urls} knows one; line breaks kept (Slack honours {@code \n}), runs of blank lines folded to one.
     *
     * @param text the answer with {@code [n]} markers
     * @param urls the article URL per marker number; markers without one stay plain
     */
    public static String fromAnswer(String text, Map<Integer, String> urls) {
        return MrkdwnRenderer.render(text, urls);
    }

    /**
     * A link to {@code url} labelled {@code label} (escaped), or just the escaped label when the URL is absent or
     * unsafe to put in a link.
     */
    public static String link(String url, String label) {
        return isSafeUrl(url) ? "<" + url + "|" + escape(label) + ">" : escape(label);
    }

    /** Whether {@code url} may go in a link: http(s), and nothing that would end Slack's {@code <url|text>}. */
    static boolean isSafeUrl(String url) {
        return url != null && SAFE_URL.matcher(url).matches();
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
