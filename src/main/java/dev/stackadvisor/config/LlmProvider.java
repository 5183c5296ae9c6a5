package dev.stackadvisor.config;

import java.util.Locale;

/** Who generates answers ({@code LLM_PROVIDER}); {@link #code()} is how the variable and {@code /health} spell it. */
public enum LlmProvider {
    /** No LLM: every answer is extractive. */
    NONE,
    /** Any server speaking OpenAI's chat-completions protocol. */
    OPENAI,
    /** Ollama's native API. */
    OLLAMA;

    /** {@code none}, {@code openai} or {@code ollama}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
