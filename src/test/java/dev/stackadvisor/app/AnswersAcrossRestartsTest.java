package dev.stackadvisor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same question, same bytes, across restarts: every answer of both dev eval sets ({@code eval --verbose} prints each
 * answer in full) is identical in three fresh JVMs, in each retrieval mode. Fresh processes matter: {@code Map.of}
 * and {@code Set.of} iterate in an order salted per JVM, and enum and identity hash codes change per run, so a
 * stage that iterates such a collection where order decides the output fails here, not within one JVM. Only the
 * latency line (a timing) is left out of the comparison. Skips where ../shared/eval is not beside the project,
 * fails in CI, as {@link EvalTest}.
 */
@EndToEnd
class AnswersAcrossRestartsTest {

    private static final Path EVAL = Path.of("..", "shared", "eval");
    private static final int RUNS = 3;

    @ParameterizedTest(name = "{0}")
    @EnumSource(AppConfig.Retrieval.class)
    void should_answer_both_eval_sets_byte_for_byte_alike_in_fresh_jvms(AppConfig.Retrieval mode) throws Exception {
        List<Path> files = List.of(EVAL.resolve("dev.jsonl"), EVAL.resolve("dev-paraphrase.jsonl"));
        if (System.getenv("CI") != null) {
            files.forEach(f -> assertTrue(Files.isRegularFile(f), f.toAbsolutePath() + " is missing: CI copies shared/ beside the project"));
        }
        assumeTrue(files.stream().allMatch(Files::isRegularFile), "skipped: " + EVAL.toAbsolutePath() + " is not here");
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            outputs.add(eval(mode, files));
        }
        assertTrue(outputs.get(0).contains("retrieval: " + mode.name().toLowerCase()), outputs.get(0));
        assertTrue(outputs.get(0).lines().filter(l -> l.startsWith("     | ")).count() > 80, "every answer printed: " + outputs.get(0));
        for (int i = 1; i < RUNS; i++) {
            assertEquals(outputs.get(0), outputs.get(i), "run " + (i + 1) + " answered differently from run 1");
        }
    }

    /** {@code Main eval FILES --verbose} in a new JVM; its standard output without the latency line. */
    private static String eval(AppConfig.Retrieval mode, List<Path> files) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "dev.stackadvisor.app.Main", "eval"));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        command.add("--verbose");
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        env.put("ADVISOR_RETRIEVAL", mode.name().toLowerCase());
        env.put("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString());
        env.put("ADVISOR_CACHE_DIR", TestServer.SHARED_CACHE_DIR.toString());
        Path stdout = Files.createTempFile("eval-", ".txt");
        Path stderr = Files.createTempFile("eval-", ".err");
        try {
            Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("eval did not finish in 180 s");
            }
            assertEquals(0, p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
            // the log lines (timestamps) and the latency line (a timing) are not answers
            return Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("latency per turn") && !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*"))
                    .collect(Collectors.joining("\n"));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
