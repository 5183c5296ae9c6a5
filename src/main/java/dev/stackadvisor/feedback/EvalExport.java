package dev.stackadvisor.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.answer.Citation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rated answers as eval cases, one JSON object a line, in the format of {@code shared/eval/README.md}: the
 * conversation's {@code turns}, the answer's {@code frameworks}, {@code sources} = the documents it cited, an
 * empty {@code must_include_any} and {@code must_not_include} for a maintainer to fill in, and a {@code note} with
 * the rating, the comment and the answer that was given. Each answer appears once, with its newest rating; cases are
 * in the order those ratings were given. Pure.
 */
public final class EvalExport {

    private EvalExport() {
    }

    /**
     * An eval case (field names as in the eval files).
     *
     * @param kind          followup (more than one turn), compare (two or more frameworks), single (one), concept (none)
     * @param family        always {@code feedback}
     * @param expectRefusal true only for a refusal rated up: the sources really cannot answer it
     */
    public record Case(String id, String kind, String family, List<String> turns, List<String> frameworks,
                       List<String> sources, @JsonProperty("must_include_any") List<List<String>> mustIncludeAny,
                       @JsonProperty("must_not_include") List<String> mustNotInclude,
                       @JsonProperty("expect_refusal") boolean expectRefusal, String note) {
    }

    /** The newest rating of each answer in {@code ratings} (any order) as cases, oldest rating first. */
    public static List<Case> cases(List<RatedAnswer> ratings) {
        Map<String, RatedAnswer> newest = new LinkedHashMap<>();
        ratings.stream().sorted(Comparator.comparing(RatedAnswer::createdAt).thenComparing(RatedAnswer::feedbackId))
                .forEach(r -> {
                    newest.remove(r.answer().answerId()); // re-inserted: the order is that of the newest rating
                    newest.put(r.answer().answerId(), r);
                });
        List<Case> out = new ArrayList<>();
        for (RatedAnswer r : newest.values()) {
            out.add(toCase(r));
        }
        return out;
    }

    /** {@code cases} as JSON Lines (each line ends with a newline). */
    public static String jsonLines(List<Case> cases, ObjectMapper json) {
        StringBuilder b = new StringBuilder();
        for (Case c : cases) {
            try {
                b.append(json.writeValueAsString(c)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise case " + c.id(), e);
            }
        }
        return b.toString();
    }

    static Case toCase(RatedAnswer r) {
        AnswerRecord a = r.answer();
        List<String> sources = a.citations().stream().map(Citation::documentId).distinct().toList();
        String kind = a.turns().size() > 1 ? "followup"
                : a.frameworks().size() >= 2 ? "compare" : a.frameworks().size() == 1 ? "single" : "concept";
        StringBuilder note = new StringBuilder("rated ").append(r.rating().code()).append(" via ").append(r.channel())
                .append(" on ").append(r.createdAt()).append(" (answer ").append(a.answerId()).append(", ").append(a.mode())
                .append(a.grounded() ? "" : ", refused").append(")");
        if (r.comment() != null) {
            note.append(": ").append(r.comment());
        }
        note.append(" | answer given: ").append(a.answer());
        return new Case("fb-" + a.answerId(), kind, "feedback", a.turns(), a.frameworks(), sources, List.of(), List.of(),
                r.rating() == Rating.UP && !a.grounded(), note.toString());
    }
}
