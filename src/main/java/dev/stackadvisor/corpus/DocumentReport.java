package dev.stackadvisor.corpus;

import java.util.List;

/**
 * How one document was read, for {@code /health} and the start-up log.
 *
 * @param id         document id (file stem)
 * @param file       its file name in the corpus directory
 * @param passages   passages it was cut into (0 when skipped)
 * @param frameworks canonical names of the frameworks its passages are tagged with, sorted
 * @param warnings   what a maintainer should know: skipped and why, title guessed, front matter unreadable
 */
public record DocumentReport(String id, String file, int passages, List<String> frameworks, List<String> warnings) {
    public DocumentReport {
        frameworks = List.copyOf(frameworks);
        warnings = List.copyOf(warnings);
    }
}
