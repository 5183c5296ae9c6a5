package dev.stackadvisor.app;

import dev.stackadvisor.chat.Services;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.Prototypes;

import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.answer.PromptTemplates;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.SharedRedis;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.config.ConfigException;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.http.HttpApi;
import dev.stackadvisor.http.LoopbackAsker;
import dev.stackadvisor.http.RehearsalKey;
import dev.stackadvisor.http.Drain;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command line: {@code serve} (default) starts the HTTP server, {@code ask "question"} answers once on
 * standard output, {@code eval FILE.jsonl... [--verbose]} scores eval sets (one report each, in one process), {@code explain QUESTIONS.txt} shows how
 * each question is read and judged (to calibrate the thresholds). Configuration comes from the
 * environment ({@link AppConfig}). Exit codes: 0 ok, 1 runtime failure, 2 bad usage or configuration.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            AppConfig config = AppConfig.fromEnv();
            return switch (command) {
                case "serve" -> serve(config);
                case "ask" -> ask(config, Arrays.copyOfRange(args, 1, args.length), out, err);
                case "eval" -> eval(config, Arrays.copyOfRange(args, 1, args.length), out, err);
                case "explain" -> explain(config, Arrays.copyOfRange(args, 1, args.length), out, err);
                case "candidates" -> candidates(config, Arrays.copyOfRange(args, 1, args.length), out, err);
                case "feedback" -> FeedbackCommand.run(config, Arrays.copyOfRange(args, 1, args.length), out, err);
                default -> usage(err, "unknown command '" + command + "'");
            };
        } catch (ConfigException | CorpusLoader.CorpusException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: a tuning value out of range (ADVISOR_TUNING_FILE), named by the message
            err.println("stack-advisor: " + e.getMessage());
            return 2;
        }
    }

    /** How long shutdown waits for requests in flight, milliseconds (an LLM answer may take LLM_TIMEOUT_MS). */
    static final long DRAIN_MS = 25_000;

    /**
     * Starts the server at once (so /health answers), then loads the indexes, warms them and flips /ready. On SIGTERM it
     * stops taking requests, lets those in flight finish (up to {@link #DRAIN_MS}), then stops.
     */
    static int serve(AppConfig config) {
        if (config.llmEnabled()) {
            PromptTemplates.load(config.promptsDir()); // fail before binding the port, with the template's name
        }
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        AtomicReference<Services> services = new AtomicReference<>();
        Drain drain = new Drain();
        Optional<SharedRedis> redis = SharedRedis.create(config, meters); // one connection for all shared state
        RehearsalKey rehearsals = RehearsalKey.random(); // marks the warm-up's own requests to /api/chat
        Javalin app = HttpApi.create(config, services::get, meters, drain, redis, rehearsals).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            drain.drainAndStop(app, DRAIN_MS);
            redis.ifPresent(SharedRedis::close);
            Optional.ofNullable(services.get()).flatMap(Services::feedback).ifPresent(f -> f.close()); // queued answers
        }, "shutdown"));
        services.set(ServiceFactory.build(config, meters, redis));
        System.out.println("Stack Advisor listening on http://" + config.host() + ":" + app.port());
        // through our own HTTP route, so the server around the answer path is compiled too; /ready answers 200 after it
        // (at once with ADVISOR_WARMUP_SECONDS=0)
        services.get().library().warmUp(new LoopbackAsker(config.host(), app.port(), rehearsals));
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int ask(AppConfig config, String[] words, PrintStream out, PrintStream err) {
        String question = String.join(" ", words).trim();
        if (question.isEmpty()) {
            return usage(err, "ask needs a question");
        }
        if (question.length() > dev.stackadvisor.chat.ChatService.MAX_MESSAGE_CHARS) {
            return usage(err, "the question is longer than " + dev.stackadvisor.chat.ChatService.MAX_MESSAGE_CHARS + " characters");
        }
        ChatReply reply = ServiceFactory.build(config.withoutDatabase()).chat().chat(question, null);
        out.println(reply.answer().text());
        if (!reply.answer().citations().isEmpty()) {
            out.println();
            out.println("Sources:");
            for (Citation c : reply.answer().citations()) {
                out.printf("[%d] %s — %s%s%n    \"%s\"%n", c.n(), c.publisher() == null ? "unknown publisher" : c.publisher(),
                        c.title(), c.section().isEmpty() ? "" : " (" + c.section() + ")", c.quote());
            }
        }
        return 0;
    }

    private static int eval(AppConfig config, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "eval needs a JSONL file");
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        List<Path> files = Arrays.stream(args).filter(a -> !a.equals("--verbose")).map(Path::of).toList();
        if (files.isEmpty()) {
            return usage(err, "eval needs a JSONL file");
        }
        List<List<EvalRunner.Case>> sets = new java.util.ArrayList<>();
        for (Path file : files) {
            try {
                sets.add(EvalRunner.read(file));
            } catch (IOException | IllegalArgumentException e) {
                err.println("stack-advisor: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        Services s = ServiceFactory.build(config.withoutDatabase());
        for (List<EvalRunner.Case> cases : sets) {
            EvalRunner.Summary summary = new EvalRunner(s.chat(), s.catalog()).run(cases);
            out.println("retrieval: " + s.startup().retrieval() + ", cases: " + cases.size());
            out.print(EvalRunner.report(summary, verbose));
        }
        return 0;
    }

    /**
     * How each question of a file (one a line; blank lines and {@code #} comments skipped) is read: one
     * tab-separated row with the question as read, frameworks, intent, aspect, kind of fact, the gate's verdict,
     * the best passage's topic coverage, the best passage cosine, the nearest example phrasing and its cosine, and the closest sentence about a named
     * framework (cosines only in hybrid mode). What the thresholds of docs/retrieval.md were chosen on.
     */
    private static int explain(AppConfig config, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "explain needs a file of questions, one a line");
        }
        List<String> questions = questions(args[0], err);
        if (questions == null) {
            return 2;
        }
        Services s = ServiceFactory.build(config.withoutDatabase());
        out.println("question\tread as\tframeworks\tintent\taspect\tfact kind\tgate\tcoverage\tpassage cos\tnearest phrasing\tphrasing cos"
                + "\tnearest intent phrasing\tintent cos\tsentence cos\task\tbest coverage\tbest candidate cos\tlead");
        for (String q : questions) {
            AnalyzedQuery a = s.analyzer().analyze(q, null);
            Evidence ev = s.retriever().retrieve(a);
            var aspect = a.vector() == null ? null : s.analyzer().nearestPrototype(a.vector(), true);
            var intent = a.vector() == null ? null : s.analyzer().nearestPrototype(a.vector(), false);
            var sel = ev.selection();
            out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s\t%.3f\t%s\t%.3f\t%.3f\t%s\t%.3f\t%.3f\t%s%n", q, a.message(),
                    a.frameworks(), a.intent(), a.focus(), a.answerType() == null ? "" : a.answerType().name(),
                    ev.gate().reason(), ev.gate().coverage(), ev.gate().denseTop(), phrasing(aspect), similarity(aspect), phrasing(intent),
                    similarity(intent), s.retriever().meaning(ev), sel.ask(), sel.coverage(), sel.cosine(),
                    sel.lead() == null ? "" : sel.lead().sentence().display().replace('\t', ' '));
        }
        return 0;
    }

    /**
     * Answer selection's view of each question of a file (one a line): what it asks, its content words, the best
     * coverage and cosine, then the top covering candidates with their features (fused RRF score, coverage, cosine,
     * sentence BM25, agreement, passage) — what the selection thresholds are read against.
     */
    private static int candidates(AppConfig config, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "candidates needs a file of questions, one a line");
        }
        List<String> questions = questions(args[0], err);
        if (questions == null) {
            return 2;
        }
        Services s = ServiceFactory.build(config.withoutDatabase());
        for (String q : questions) {
            Evidence ev = s.retriever().retrieve(s.analyzer().analyze(q, null));
            var sel = ev.selection();
            out.printf(Locale.ROOT, "%s%n  gate %s, ask %s, content %s, coverage %.2f, cosine %.2f, uncovered %s%n", q,
                    ev.gate().reason(), sel.ask(), sel.content(), sel.coverage(), sel.cosine(), sel.uncovered());
            sel.ranked().stream().limit(8).forEach(c -> out.printf(Locale.ROOT,
                    "  %s fused %.4f cov %.2f cos %.2f bm25 %.2f agree %d  %s | %s%n", c == sel.lead() ? "*" : c.covers() ? "+" : " ",
                    c.fused(), c.coverage(), c.cosine(), c.bm25(), c.agreement(), c.passage().id(),
                    c.sentence().display().replace('\n', ' ')));
        }
        return 0;
    }

    /** The questions of a file, one a line, blank lines and {@code #} comments skipped; null (said on err) when unreadable. */
    private static List<String> questions(String file, PrintStream err) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            err.println("stack-advisor: cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static String phrasing(Prototypes.Match m) {
        return m == null ? "" : m.label() + ": " + m.phrasing();
    }

    private static double similarity(Prototypes.Match m) {
        return m == null ? Double.NaN : m.similarity();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("stack-advisor: " + problem);
        err.println("usage: java -jar stack-advisor.jar [serve | ask \"question\" | eval FILE.jsonl... [--verbose] | explain QUESTIONS.txt | candidates QUESTIONS.txt | feedback export [--rating up|down] [--since DATE]]");
        return 2;
    }
}
