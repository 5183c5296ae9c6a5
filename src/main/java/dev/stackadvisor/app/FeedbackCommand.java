package dev.stackadvisor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.feedback.EvalExport;
import dev.stackadvisor.feedback.FeedbackService;
import dev.stackadvisor.feedback.FeedbackUnavailableException;
import dev.stackadvisor.feedback.Rating;
import dev.stackadvisor.feedback.Since;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code feedback export [--rating up|down] [--since DATE]}: the rated answers of the configured database
 * ({@code ADVISOR_DATA_DIR} or {@code ADVISOR_DATABASE_URL}) as eval cases, JSON Lines on standard output
 * ({@link EvalExport}); ready to edit into {@code must_include_any} and add to an eval file. Exit codes: 0 ok, 1 the
 * database cannot be reached, 2 bad usage or no database configured. Log lines go to standard error.
 */
final class FeedbackCommand {

    static final String USAGE = "usage: java -jar stack-advisor.jar feedback export [--rating up|down] [--since DATE]"
            + " (DATE: 2026-12-01 or 2026-12-01T09:30:00Z)";

    private FeedbackCommand() {
    }

    static int run(AppConfig config, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("export")) {
            return usage(err, "feedback needs the subcommand 'export'");
        }
        Rating rating = null;
        Instant since = Instant.EPOCH;
        for (int i = 1; i < args.length; i++) {
            if (i + 1 >= args.length || !(args[i].equals("--rating") || args[i].equals("--since"))) {
                return usage(err, "unknown or incomplete option '" + args[i] + "'");
            }
            String value = args[++i];
            if (args[i - 1].equals("--rating")) {
                rating = Rating.of(value).orElse(null);
                if (rating == null) {
                    return usage(err, "--rating must be up or down, got '" + value + "'");
                }
            } else {
                try {
                    since = Since.parse(value);
                } catch (IllegalArgumentException e) {
                    return usage(err, e.getMessage());
                }
            }
        }
        logToStandardError(); // standard output is the JSON Lines: a log line there would be a broken case
        Optional<FeedbackService> opened = FeedbackService.open(config, new SimpleMeterRegistry());
        if (opened.isEmpty()) {
            return usage(err, "no feedback database is configured: set ADVISOR_DATA_DIR or ADVISOR_DATABASE_URL");
        }
        try (FeedbackService feedback = opened.get()) {
            out.print(EvalExport.jsonLines(EvalExport.cases(feedback.allRatings(rating, since)), new ObjectMapper()));
            out.flush();
            return 0;
        } catch (FeedbackUnavailableException e) {
            err.println("stack-advisor: " + e.getMessage());
            return 1;
        }
    }

    /** Points logback's console appenders (logback.xml logs to standard output) at standard error. */
    static void logToStandardError() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof ch.qos.logback.core.ConsoleAppender<?> console) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            });
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("stack-advisor: " + problem);
        err.println(USAGE);
        return 2;
    }
}
