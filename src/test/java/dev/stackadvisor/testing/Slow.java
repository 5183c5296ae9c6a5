package dev.stackadvisor.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a stage test (no server, no model) that still costs seconds of CPU — a sweep over thousands of generated
 * questions, a pathological multi-megabyte input — so that {@code mvn -Pfast test} stays under a minute on a shared
 * two-core machine. Tagged {@value #TAG}, left out by the {@code fast} profile beside {@link EndToEnd}; the default
 * build and CI run it. Use it on the method, not the class, so the rest of its class stays in the fast suite.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Slow.TAG)
public @interface Slow {

    /** The JUnit tag: named in {@code excludedGroups} of the {@code fast} profile of pom.xml. */
    String TAG = "slow";
}
