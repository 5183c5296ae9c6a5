package dev.stackadvisor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.corpus.Segmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an eval file through the chat service and scores it with the rules of {@code shared/eval/README.md}:
 * a case passes when (refusal expected) the answer is not grounded and cites nothing, or (otherwise) it is
 * grounded, names every expected framework, holds one string of each {@code must_include_any} group
 * (case-insensitive), none of {@code must_not_include}, cites at least one expected source, and every quote
 * is verbatim text of its document (white space aside).
 */
public final class EvalRunner {

    /** One eval case, as in the JSONL file; {@code family} is null when the case has none. */
    public record Case(String id, String kind, String family, List<String> turns, List<String> frameworks,
                       List<String> sources, List<List<String>> mustIncludeAny, List<String> mustNotInclude,
                       boolean expectRefusal) {
    }

    /** How one case went: the final reply, what failed, the latency of each turn in ms. */
    public record Result(Case testCase, ChatReply reply, List<String> failures, List<Double> turnMs, int badQuotes) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * All results with pass counts ({passed, total}) per kind and per family (empty when no case has one), and
     * latency percentiles over turns (ms).
     */
    public record Summary(List<Result> results, Map<String, int[]> byKind, Map<String, int[]> byFamily, int passed,
                          double p50Ms, double p95Ms, int badQuotes) {
        public double passRate() {
            return results.isEmpty() ? 0 : (double) passed / results.size();
        }
    }

    private final ChatService chat;
    private final Catalog catalog;

    public EvalRunner(ChatService chat, Catalog catalog) {
        this.chat = chat;
        this.catalog = catalog;
    }

    /**
     * Reads a JSONL eval file.
     *
     * @throws IOException when it cannot be read; IllegalArgumentException naming the line that is not a case
     */
    public static List<Case> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(line);
                List<List<String>> groups = new ArrayList<>();
                n.path("must_include_any").forEach(g -> groups.add(strings(g)));
                cases.add(new Case(n.path("id").asText("line" + lineNo), n.path("kind").asText("unknown"),
                        n.hasNonNull("family") ? n.path("family").asText() : null, strings(n.path("turns")), strings(n.path("frameworks")), strings(n.path("sources")), groups,
                        strings(n.path("must_not_include")), n.path("expect_refusal").asBoolean(false)));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ":" + lineNo + " is not a JSON case: " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /** Runs every case in a fresh session, turns in order. */
    public Summary run(List<Case> cases) {
        List<Result> results = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, int[]> byFamily = new TreeMap<>();
        int passed = 0;
        int badQuotes = 0;
        for (Case c : cases) {
            String session = "eval-" + c.id().replaceAll("[^A-Za-z0-9_-]", "_");
            ChatReply reply = null;
            List<Double> turnMs = new ArrayList<>();
            for (String turn : c.turns()) {
                long t0 = System.nanoTime();
                reply = chat.chat(turn, session);
                double ms = (System.nanoTime() - t0) / 1e6;
                turnMs.add(ms);
                latencies.add(ms);
            }
            Result r = score(c, reply, turnMs);
            results.add(r);
            badQuotes += r.badQuotes();
            count(byKind, c.kind(), r.passed());
            if (c.family() != null) {
                count(byFamily, c.family(), r.passed());
            }
            passed += r.passed() ? 1 : 0;
        }
        return new Summary(results, byKind, byFamily, passed, percentile(latencies, 50), percentile(latencies, 95), badQuotes);
    }

    private static void count(Map<String, int[]> counts, String key, boolean passed) {
        int[] k = counts.computeIfAbsent(key, x -> new int[2]);
        k[1]++;
        k[0] += passed ? 1 : 0;
    }

    private Result score(Case c, ChatReply reply, List<Double> turnMs) {
        List<String> failures = new ArrayList<>();
        if (reply == null) {
            return new Result(c, null, List.of("case has no turns"), turnMs, 0);
        }
        Answer a = reply.answer();
        String text = a.text().toLowerCase(Locale.ROOT);
        int bad = 0;
        for (Citation cit : a.citations()) {
            String doc = catalog.text(cit.documentId()).map(Segmenter::fold).orElse(null);
            if (doc == null || !doc.contains(Segmenter.fold(cit.quote()))) {
                bad++;
                failures.add("quote [" + cit.n() + "] is not verbatim in " + cit.documentId());
            }
        }
        if (c.expectRefusal()) {
            if (a.grounded() || !a.citations().isEmpty()) {
                failures.add("expected a refusal (grounded=false, no citations)");
            }
        } else {
            if (!a.grounded()) {
                failures.add("refused: " + a.text().lines().findFirst().orElse(""));
            }
            for (String f : c.frameworks()) {
                if (!text.contains(f.toLowerCase(Locale.ROOT))) {
                    failures.add("does not discuss " + f);
                }
            }
            for (List<String> group : c.mustIncludeAny()) {
                if (group.stream().noneMatch(s -> text.contains(s.toLowerCase(Locale.ROOT)))) {
                    failures.add("none of " + group);
                }
            }
            if (!c.sources().isEmpty() && a.citations().stream().noneMatch(x -> c.sources().contains(x.documentId()))) {
                failures.add("cites none of " + c.sources());
            }
        }
        for (String s : c.mustNotInclude()) {
            if (text.contains(s.toLowerCase(Locale.ROOT))) {
                failures.add("includes forbidden '" + s + "'");
            }
        }
        return new Result(c, reply, failures, turnMs, bad);
    }

    /**
     * A printable report: one line per failing case (every case when verbose), pass rates per kind and per family,
     * overall, latency.
     */
    public static String report(Summary s, boolean verbose) {
        StringBuilder b = new StringBuilder();
        for (Result r : s.results()) {
            if (verbose || !r.passed()) {
                b.append(r.passed() ? "PASS " : "FAIL ").append(r.testCase().id()).append(' ').append(r.testCase().kind())
                        .append(' ').append(r.testCase().turns()).append('\n');
                for (String f : r.failures()) {
                    b.append("     - ").append(f).append('\n');
                }
                if (verbose && r.reply() != null) {
                    r.reply().answer().text().lines().forEach(l -> b.append("     | ").append(l).append('\n'));
                }
            }
        }
        table(b, "kind", s.byKind());
        if (!s.byFamily().isEmpty()) {
            table(b, "family", s.byFamily());
        }
        b.append(String.format(Locale.ROOT, "%-14s %3d/%-3d %5.1f%%%n", "overall", s.passed(), s.results().size(), 100 * s.passRate()));
        b.append(String.format(Locale.ROOT, "quotes not verbatim: %d%n", s.badQuotes()));
        b.append(String.format(Locale.ROOT, "latency per turn: p50 %.1f ms, p95 %.1f ms%n", s.p50Ms(), s.p95Ms()));
        return b.toString();
    }

    private static void table(StringBuilder b, String heading, Map<String, int[]> counts) {
        b.append(String.format(Locale.ROOT, "%-14s %7s %6s%n", heading, "passed", "rate"));
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] k = e.getValue();
            b.append(String.format(Locale.ROOT, "%-14s %3d/%-3d %5.0f%%%n", e.getKey(), k[0], k[1], 100.0 * k[0] / k[1]));
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
