package dev.stackadvisor.answer;

import java.util.List;

/**
 * How squarely a claim is about a framework: {@code ALONE} when its quote names it and no other framework, or its
 * quote names none and its heading names only it ("Heavier abstraction than plain Express" under "NestJS");
 * {@code SHARED} when its quote names it among others; {@code HEADING_ONLY} when only a heading about several names
 * it ("Callback/async complexity" under "Node.js with Express / NestJS › Weaknesses"); {@code NONE} otherwise and
 * for no framework. {@link ClaimScorer} weighs it with {@code focusWeight} (× 1, × {@code sharedFocus}, × 0).
 */
enum Focus {
    ALONE, SHARED, HEADING_ONLY, NONE;

    /** Whether the claim is about the framework itself, not only tied to it by a heading about several. */
    boolean squarely() {
        return this == ALONE || this == SHARED;
    }

    /**
     * The focus on {@code framework} (null: none asked) of a claim whose quote names {@code quoted} and whose heading
     * path names {@code headed} (canonical names).
     */
    static Focus of(List<String> quoted, List<String> headed, String framework) {
        if (framework == null) {
            return NONE;
        }
        if (quoted.contains(framework)) {
            return quoted.size() == 1 ? ALONE : SHARED;
        }
        if (!headed.contains(framework)) {
            return NONE;
        }
        return quoted.isEmpty() && headed.size() == 1 ? ALONE : HEADING_ONLY;
    }
}
