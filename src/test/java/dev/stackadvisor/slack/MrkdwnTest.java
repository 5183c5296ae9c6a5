package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Markdown to Slack mrkdwn through CommonMark: one row per construct, {@code \n} written as a literal backslash-n. */
class MrkdwnTest {

    private static final Map<Integer, String> URLS = Map.of(1, "https://example.com/a?x=1&y=2", 2, "javascript:alert(1)");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '"', value = {
            "plain text unchanged ~ FastAPI fits agents. ~ FastAPI fits agents.",
            "strong to Slack bold ~ **FastAPI** fits ~ *FastAPI* fits",
            "underscore strong to Slack bold ~ __FastAPI__ fits ~ *FastAPI* fits",
            "emphasis to Slack italic ~ it is *fast* and _small_ ~ it is _fast_ and _small_",
            "intraword underscores are no emphasis ~ use snake_case_names ~ use snake_case_names",
            "code span kept, its content escaped ~ call `a<b && c` now ~ call `a&lt;b &amp;&amp; c` now",
            "fenced code to a Slack code block ~ ```java\\nint x = 1 < 2;\\n``` ~ ```\\nint x = 1 &lt; 2;\\n```",
            "link to Slack link ~ see [the guide](https://x.dev/a) ~ see <https://x.dev/a|the guide>",
            "autolink to Slack link ~ see <https://x.dev/a> ~ see <https://x.dev/a|https://x.dev/a>",
            "unsafe link to its text ~ see [this](javascript:alert(1)) ~ see this",
            "bold link label ~ [**Go**](https://go.dev) ~ <https://go.dev|*Go*>",
            "heading to a bold line ~ ## Verdict\\nUse Go ~ *Verdict*\\nUse Go",
            "bold inside a heading not doubled ~ # The **best** one ~ *The best one*",
            "bullet items to bullets ~ - one\\n- two ~ • one\\n• two",
            "ordered items keep their numbers ~ 3. three\\n4. four ~ 3. three\\n4. four",
            "nested items indented ~ - a\\n  - b\\n- c ~ • a\\n    • b\\n• c",
            "block quote to Slack quote ~ > quoted\\n> twice ~ > quoted\\n> twice",
            "blank line between paragraphs kept ~ a\\n\\nb ~ a\\n\\nb",
            "runs of blank lines folded ~ a\\n\\n\\n\\nb ~ a\\n\\nb",
            "reserved characters escaped ~ a < b && c > d ~ a &lt; b &amp;&amp; c &gt; d",
            "an entity is read, then escaped once ~ Q&amp;A ~ Q&amp;A",
            "inline HTML shown as text ~ a <b>bold</b> tag ~ a &lt;b&gt;bold&lt;/b&gt; tag",
            "marker with a URL linked ~ fits [1]. ~ fits <https://example.com/a?x=1&y=2|[1]>.",
            "marker with an unsafe URL plain ~ fits [2]. ~ fits [2].",
            "marker without a URL plain ~ fits [3]. ~ fits [3].",
            "adjacent markers spaced ~ both [3][4][5]. ~ both [3] [4] [5].",
            "marker inside bold linked ~ **fits [1]** ~ *fits <https://example.com/a?x=1&y=2|[1]>*",
            "trailing spaces dropped ~ a  \\nb ~ a\\nb"})
    void should_render_markdown_as_mrkdwn(String why, String in, String out) {
        assertEquals(unescape(out), Mrkdwn.fromAnswer(unescape(in), URLS), why);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
