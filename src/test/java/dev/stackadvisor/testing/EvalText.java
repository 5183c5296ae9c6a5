package dev.stackadvisor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The eval questions' text as runs of words, to check that none of it lives where it must not (issue 20: nothing the
 * program reads or generates was fitted to the eval): every run of {@link #RUN} consecutive words, lower case,
 * punctuation aside, of the turns of {@code ../shared/eval/*.jsonl}.
 */
public final class EvalText {

    /** Where the eval files are: shared/ beside the project. */
    public static final Path EVAL = Path.of("..", "shared", "eval");
    /** Words in a run. */
    public static final int RUN = 6;
    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    private EvalText() {
    }

    /** Every run of the eval questions; empty when {@link #EVAL} is not here. */
    public static Set<String> runs() {
        Set<String> runs = new HashSet<>();
        if (!Files.isDirectory(EVAL)) {
            return runs;
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(EVAL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        json.readTree(line).path("turns").forEach(t -> runs.addAll(runsOf(t.asText())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /** Every run of {@link #RUN} consecutive words of {@code text}, lower case. */
    public static List<String> runsOf(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return out;
    }
}
