package dev.stackadvisor.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test without server or model that still costs seconds on a shared two-core host — a sweep over thousands
 * of generated questions, a pathological multi-megabyte input, or the real corpus indexed whole (BM25 over
 * {@code corpus/}: the stage tests use hand-written documents) — so that {@code mvn -Pfast test} stays under a minute.
 * Tagged {@value #TAG}, left out by the {@code fast} profile beside {@link EndToEnd}; the default build and CI run it.
 * On a method when the rest of its class is quick, so that the rest stays in the fast suite. A class with jqwik
 * properties also carries {@code @net.jqwik.api.Tag("slow")}: jqwik does not read JUnit's tags.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Slow.TAG)
public @interface Slow {

    /** The JUnit tag: named in {@code excludedGroups} of the {@code fast} profile of pom.xml. */
    String TAG = "slow";
}
