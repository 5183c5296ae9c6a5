package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of framework names and aliases, used both to tag passages and to read questions.
 * Whether the corpus covers a framework is not decided here but by the passages tagged with it: a name the
 * lexicon knows and no passage names (Hono, Next.js, Svelte…) is how the service recognises "not covered".
 *
 * <p>Matching is case-insensitive on whole words ("express" does not match "expressive"); where aliases
 * overlap the longest wins ("ASP.NET Core" over ".NET"). To add a framework, add a row to {@link #DEFAULT}.
 */
public final class FrameworkLexicon {

    private static final String JS = "TypeScript/JavaScript";

    /** Canonical names, languages and aliases (lower case). */
    public static final List<Framework> DEFAULT = List.of(
            fw("FastAPI", "Python", "fastapi", "fast api", "fast-api"),
            fw("Django", "Python", "django"),
            fw("Flask", "Python", "flask"),
            fw("NestJS", JS, "nestjs", "nest.js", "nest js", "nest"),
            fw("Express.js", JS, "express.js", "expressjs", "express js", "express"),
            fw("Fastify", JS, "fastify"),
            fw("Koa.js", JS, "koa.js", "koajs", "koa"),
            platform("Node.js", JS, "node.js", "nodejs", "node js", "node"),
            platform("Deno", JS, "deno"),
            platform("Bun", JS, "bun"),
            fw("Spring Boot", "Java/JVM", "spring boot", "springboot", "spring-boot", "spring"),
            fw("ASP.NET Core", "C#/.NET", "asp.net core", "asp.net", "aspnet core", "aspnetcore", ".net core",
                    ".net", "dotnet"),
            fw("Ruby on Rails", "Ruby", "ruby on rails", "rails", "ror"),
            fw("Laravel", "PHP", "laravel"),
            fw("Gin", "Go", "gin"),
            fw("Fiber", "Go", "fiber", "go fiber", "gofiber"),
            fw("Echo", "Go", "echo"),
            fw("Axum", "Rust", "axum"),
            fw("Actix", "Rust", "actix", "actix-web", "actix web"),
            fw("Rocket", "Rust", "rocket"),
            fw("Phoenix", "Elixir", "phoenix"),
            // Known frameworks the articles do not discuss: recognised so that a question about them is
            // answered with "not covered" instead of being matched loosely to something else.
            fw("Hono", JS, "hono"),
            fw("Sails.js", JS, "sails.js", "sailsjs", "sails"),
            fw("Next.js", JS, "next.js", "nextjs"),
            fw("Remix", JS, "remix"),
            fw("Nuxt", JS, "nuxt", "nuxt.js"),
            fw("SvelteKit", JS, "sveltekit"),
            fw("Svelte", JS, "svelte"),
            fw("React", JS, "react", "react.js", "reactjs"),
            fw("Angular", JS, "angular"),
            fw("Vue", JS, "vue", "vue.js", "vuejs"),
            fw("AdonisJS", JS, "adonisjs", "adonis"),
            fw("Hapi", JS, "hapi", "hapi.js"),
            fw("Elysia", JS, "elysia"),
            fw("Meteor", JS, "meteor"),
            fw("Strapi", JS, "strapi"),
            fw("Quarkus", "Java/JVM", "quarkus"),
            fw("Micronaut", "Java/JVM", "micronaut"),
            fw("Helidon", "Java/JVM", "helidon"),
            fw("Javalin", "Java/JVM", "javalin"),
            fw("Vert.x", "Java/JVM", "vert.x", "vertx"),
            fw("Ktor", "Kotlin", "ktor"),
            fw("Play Framework", "Java/JVM", "play framework"),
            fw("Symfony", "PHP", "symfony"),
            fw("CodeIgniter", "PHP", "codeigniter"),
            fw("Sinatra", "Ruby", "sinatra"),
            fw("Tornado", "Python", "tornado"),
            fw("Sanic", "Python", "sanic"),
            fw("Starlette", "Python", "starlette"),
            fw("Litestar", "Python", "litestar"),
            fw("Chi", "Go", "go-chi"),
            fw("Beego", "Go", "beego"),
            fw("Vapor", "Swift", "vapor"),
            fw("Blazor", "C#/.NET", "blazor"));

    /** A framework found in a text: canonical name and the char span that named it. */
    public record Mention(String framework, int start, int end) {
    }

    private final List<Framework> frameworks;
    private final Map<String, Framework> byName = new LinkedHashMap<>();
    private final Pattern pattern;
    private final Map<String, String> aliasToName = new LinkedHashMap<>();

    /** The lexicon of {@link #DEFAULT}. */
    public FrameworkLexicon() {
        this(DEFAULT);
    }

    /**
     * @param frameworks the table; an alias must belong to one framework only
     * @throws IllegalArgumentException when two frameworks share an alias
     */
    public FrameworkLexicon(List<Framework> frameworks) {
        this.frameworks = List.copyOf(frameworks);
        for (Framework f : frameworks) {
            byName.put(f.name(), f);
            for (String alias : f.aliases()) {
                String previous = aliasToName.put(alias.toLowerCase(Locale.ROOT), f.name());
                if (previous != null && !previous.equals(f.name())) {
                    throw new IllegalArgumentException("alias '" + alias + "' names both " + previous + " and " + f.name());
                }
            }
        }
        List<String> aliases = new ArrayList<>(aliasToName.keySet());
        aliases.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String alias : aliases) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append(Pattern.quote(alias).replace(" ", "\\E\\s+\\Q"));
        }
        // Longest alternative first, so "asp.net core" wins over ".net"; no letter or digit may touch a match.
        pattern = Pattern.compile("(?<![A-Za-z0-9])(?:" + alternation + ")(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** All frameworks of the table, in table order. */
    public List<Framework> frameworks() {
        return frameworks;
    }

    /** The framework with this canonical name (case-insensitive), or any alias of it. */
    public Optional<Framework> find(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        String key = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        String name = aliasToName.get(key);
        if (name == null) {
            name = byName.keySet().stream().filter(n -> n.equalsIgnoreCase(key)).findFirst().orElse(null);
        }
        return Optional.ofNullable(name).map(byName::get);
    }

    /** Every framework named in {@code text}, in order of appearance, overlapping aliases resolved. */
    public List<Mention> mentions(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String name = aliasToName.get(Words.fold(m.group().toLowerCase(Locale.ROOT)));
            if (name != null) {
                out.add(new Mention(name, m.start(), m.end()));
            }
        }
        return out;
    }

    /** Canonical names named in {@code text}, first appearance first, without repeats. */
    public List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Mention mention : mentions(text)) {
            names.add(mention.framework());
        }
        return List.copyOf(names);
    }

    /**
     * True when {@code text} is framework names and little else: "Express.js", "Go Frameworks (Gin/Fiber)",
     * "Gin / Fiber (Go)". Such list items are recommendations whose meaning is in their heading.
     */
    public boolean isJustNames(String text) {
        List<Mention> found = mentions(text);
        if (found.isEmpty()) {
            return false;
        }
        StringBuilder rest = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            rest.delete(found.get(i).start(), found.get(i).end());
        }
        return rest.toString().replaceAll("(?i)\\b(go|golang|frameworks?|backend)\\b|[()/,.;:\\s-]", "").isEmpty();
    }

    /**
     * The framework spelled at the very start of {@code text}, with no word boundary required after it
     * (flattened tables glue cells together: "Spring BootEnterprise systems…").
     *
     * @return the mention (start 0) of the longest alias that prefixes the text, if any
     */
    public Optional<Mention> prefix(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Mention best = null;
        for (Map.Entry<String, String> e : aliasToName.entrySet()) {
            String alias = e.getKey();
            if (lower.startsWith(alias) && (best == null || alias.length() > best.end())) {
                best = new Mention(e.getValue(), 0, alias.length());
            }
        }
        return Optional.ofNullable(best);
    }

    private static Framework fw(String name, String language, String... aliases) {
        return new Framework(name, language, List.of(aliases), false);
    }

    private static Framework platform(String name, String language, String... aliases) {
        return new Framework(name, language, List.of(aliases), true);
    }
}
