package dev.stackadvisor.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class as end-to-end: it starts the real server (in this JVM or another), loads MiniLM, reads the real
 * corpus's indexes, drives a browser, or starts Redis or PostgreSQL — seconds to minutes, not milliseconds. Tagged
 * {@value #TAG}: {@code mvn -Pfast test} leaves these out (surefire's {@code excludedGroups}), the default build and CI
 * run them. A class without it is a stage test and must stay fast (no model, no server: see
 * {@link StagePipeline}); one that is merely CPU-heavy is {@link Slow}. jqwik containers, which do not read JUnit's
 * tags, carry {@code @net.jqwik.api.Tag("e2e")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(EndToEnd.TAG)
public @interface EndToEnd {

    /** The JUnit tag: what {@code excludedGroups} in the {@code fast} profile of pom.xml names. */
    String TAG = "e2e";
}
