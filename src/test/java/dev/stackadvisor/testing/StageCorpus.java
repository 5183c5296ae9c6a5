package dev.stackadvisor.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three short articles written for the stage tests (not taken from {@code corpus/} or the eval sets): Python and Go
 * frameworks each with what they are, fit, strengths and watch-outs under per-framework headings, and a page of
 * architecture notes about no framework in particular plus a situation (realtime chat) one framework is recommended
 * for. Small enough to read whole; every sentence names its subject, so a test can say which one an answer must quote.
 */
public final class StageCorpus {

    /** Python frameworks: Django and Flask. */
    public static final String PYTHON = """
            ---
            title: Field notes on Python web frameworks
            publisher: Stage Test Press
            ---
            # Field notes on Python web frameworks

            ## Django

            Django is a batteries-included Python framework with an admin site and an ORM.
            Django is a good fit for content-heavy sites that need user accounts and an admin panel.
            Django has a mature ecosystem and built-in protection against cross-site request forgery.
            Django can feel heavyweight for a tiny JSON service with two endpoints.

            ## Flask

            Flask is a small Python framework that leaves most choices to the developer.
            Flask suits prototypes and small internal tools.
            Flask is simple and flexible, so a newcomer can read a whole Flask app in an afternoon.
            Flask has no built-in ORM, so larger Flask apps need careful structure.
            """;

    /** Go and Elixir: Gin, Phoenix, and Echo (of which no watch-out is written). */
    public static final String GO = """
            ---
            title: Notes on compiled and concurrent backends
            publisher: Stage Test Press
            ---
            # Notes on compiled and concurrent backends

            ## Gin

            Gin is a Go framework built around a quick HTTP router.
            Gin is ideal for high-throughput JSON APIs and small network services.
            Gin compiles to a single static binary, which keeps container images tiny and deployments simple.
            Gin leaves the database layer to you, and its middleware ecosystem is smaller than Django's.

            ## Phoenix

            Phoenix is an Elixir framework built on the Erlang virtual machine.
            Phoenix shines for realtime chat, where its channels hold thousands of open sockets on one server.
            Phoenix LiveView is productive for interactive pages without a separate frontend build.
            Phoenix has a steeper learning curve for teams new to functional programming.

            ## Echo

            Echo is a Go framework with a minimalist router and grouped routes.
            Echo suits small REST services that sit behind an API gateway.
            """;

    /** Architecture notes: no framework named. */
    public static final String ARCHITECTURE = """
            ---
            title: Architecture notes for small teams
            publisher: Stage Test Press
            ---
            # Architecture notes for small teams

            ## Monoliths and microservices

            A monolith keeps every module in one deployable unit, which makes local debugging simpler.
            Splitting a monolith into microservices pays off when separate teams must release on their own schedules.
            Every extra microservice adds network calls, so tracing and retries become part of everyday work.

            ## Caching

            A read-through cache in front of the database cuts latency for pages that many users request.
            Cache invalidation needs a clear owner, or stale prices and stock counts reach customers.
            """;

    private StageCorpus() {
    }

    /** The three articles by file name, for {@link StagePipeline#over}. */
    public static Map<String, String> documents() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("python-notes.md", PYTHON);
        docs.put("concurrent-notes.md", GO);
        docs.put("architecture-notes.md", ARCHITECTURE);
        return docs;
    }
}
