package dev.stackadvisor.answer;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM prompts, read from {@code prompts/} at start-up: {@code system.txt} (the rules), {@code answer.txt}
 * (needs {@code {{history}}}, {@code {{passages}}}, {@code {{question}}}) and {@code rewrite.txt} (needs
 * {@code {{history}}}, {@code {{question}}}). Filled with langchain4j's {@link PromptTemplate}.
 *
 * @param system  the system prompt
 * @param answer  the answer template
 * @param rewrite the follow-up rewriting template
 */
public record PromptTemplates(String system, PromptTemplate answer, PromptTemplate rewrite) {

    /**
     * Loads and checks the templates.
     *
     * @throws IllegalStateException naming the file when one is missing, empty or lacks a placeholder it needs
     */
    public static PromptTemplates load(Path dir) {
        String system = read(dir, "system.txt", List.of());
        String answer = read(dir, "answer.txt", List.of("history", "passages", "question"));
        String rewrite = read(dir, "rewrite.txt", List.of("history", "question"));
        return new PromptTemplates(system, PromptTemplate.from(answer), PromptTemplate.from(rewrite));
    }

    /** The user message for an answer. */
    public String answer(String history, String passages, String question) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("history", history);
        values.put("passages", passages);
        values.put("question", question);
        return answer.apply(values).text();
    }

    /** The user message asking for a standalone rewrite of a follow-up. */
    public String rewrite(String history, String question) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("history", history);
        values.put("question", question);
        return rewrite.apply(values).text();
    }

    private static String read(Path dir, String name, List<String> placeholders) {
        Path file = dir.resolve(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("prompt template " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new IllegalStateException("prompt template " + file.toAbsolutePath() + " is empty");
        }
        for (String p : placeholders) {
            if (!text.contains("{{" + p + "}}")) {
                throw new IllegalStateException("prompt template " + file.toAbsolutePath() + " lacks the {{" + p + "}} placeholder");
            }
        }
        return text;
    }
}
