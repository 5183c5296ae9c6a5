package dev.stackadvisor.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.answer.Sections;
import java.util.List;

/**
 * The bodies of the OpenAI-compatible API, in OpenAI's shapes (https://platform.openai.com/docs/api-reference/chat/object,
 * …/chat/streaming, …/models/list), plus one extra top-level field, {@code citations}: our {@link Citation}s,
 * which OpenAI clients ignore or expose as an extra, and {@code sections} (the answer as structure, see
 * {@link Sections}; absent for refusals and LLM answers), and {@code answerId} (on the completion and on the chunk that
 * finishes a stream: what {@code POST /api/feedback} rates). The content is the answer in Markdown followed by its sources,
 * so a client that shows only the content still shows where each {@code [n]} comes from.
 *
 * <p>Token counts are estimates, not a tokenizer's: {@link #tokens} takes about 4 characters per token, OpenAI's
 * rule of thumb for English text; prompt tokens count the text of every message the client sent, completion
 * tokens the content returned.
 */
final class OpenAiCompletion {

    /** Who owns the model in {@code GET /v1/models}. */
    static final String OWNER = "stack-advisor";
    /** Characters per token in the usage estimate. */
    static final int CHARS_PER_TOKEN = 4;
    private static final int SOURCE_QUOTE_CHARS = 300;

    private OpenAiCompletion() {
    }

    /** {@code chat.completion}. */
    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                      List<Citation> citations, @JsonInclude(JsonInclude.Include.NON_NULL) Sections sections,
                      String answerId) {
    }

    /** One choice of a completion; {@code logprobs} is always null. */
    record Choice(int index, Message message, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    /** The assistant's message; {@code refusal} is always null. */
    record Message(String role, String content, Object refusal) {
    }

    /** Estimated token counts (see the class comment). */
    record Usage(@JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("completion_tokens") int completionTokens,
                 @JsonProperty("total_tokens") int totalTokens) {

        static Usage of(int promptChars, int completionChars) {
            int prompt = tokens(promptChars);
            int completion = tokens(completionChars);
            return new Usage(prompt, completion, prompt + completion);
        }
    }

    /**
     * {@code chat.completion.chunk}. {@code usage} and {@code citations} appear only where set: usage on the
     * last chunk when the client asked with {@code stream_options.include_usage} (with no choices, as OpenAI
     * sends it), citations on the chunk that finishes the answer.
     */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Citation> citations,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Sections sections,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String answerId) {
    }

    /** One choice of a chunk; {@code finish_reason} is null until the last content chunk. */
    record ChunkChoice(int index, Delta delta, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    /** What a chunk adds: the role (first chunk only) and/or text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }

    /** A model of {@code GET /v1/models}; {@code created} in epoch seconds. */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }

    /** {@code {"object": "list", "data": [models]}}. */
    record ModelList(String object, List<Model> data) {
    }

    /**
     * The non-streamed answer: content = answer text + sources; finish reason {@code stop}; {@code answerId} names
     * the answer for {@code POST /api/feedback}.
     */
    static Completion completion(String id, long created, Answer answer, int promptChars, String answerId) {
        String content = answer.text() + sources(answer.citations());
        return new Completion(id, "chat.completion", created, OpenAiRequest.MODEL,
                List.of(new Choice(0, new Message("assistant", content, null), null, "stop")),
                Usage.of(promptChars, content.length()), answer.citations(), answer.sections(), answerId);
    }

    /** A chunk with one choice. */
    static Chunk chunk(String id, long created, Delta delta, String finishReason, List<Citation> citations) {
        return chunk(id, created, delta, finishReason, citations, null, null);
    }

    /** The chunk that finishes the answer: its citations, sections and answer id ride on it. */
    static Chunk chunk(String id, long created, Delta delta, String finishReason, List<Citation> citations,
                       Sections sections, String answerId) {
        return new Chunk(id, "chat.completion.chunk", created, OpenAiRequest.MODEL,
                List.of(new ChunkChoice(0, delta, null, finishReason)), null, citations, sections, answerId);
    }

    /** The usage chunk that ends a stream when asked for: no choices. */
    static Chunk usageChunk(String id, long created, Usage usage) {
        return new Chunk(id, "chat.completion.chunk", created, OpenAiRequest.MODEL, List.of(), usage, null, null, null);
    }

    /** The list of the one model. */
    static ModelList models(long created) {
        return new ModelList("list", List.of(model(created)));
    }

    static Model model(long created) {
        return new Model(OpenAiRequest.MODEL, "model", created, OWNER);
    }

    /**
     * {@code "\n\nSources:\n[1] Title — Publisher: \"quote\"\n…"}, or "" without citations. The publisher is
     * left out when unknown; quotes longer than 300 characters are shortened with an ellipsis.
     */
    static String sources(List<Citation> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n\nSources:");
        for (Citation c : citations) {
            b.append("\n[").append(c.n()).append("] ").append(c.title());
            if (c.publisher() != null && !c.publisher().isBlank()) {
                b.append(" — ").append(c.publisher());
            }
            b.append(": \"").append(shorten(c.quote().strip())).append('"');
        }
        return b.toString();
    }

    /** Estimated tokens of {@code chars} characters: ⌈chars / 4⌉. */
    static int tokens(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static String shorten(String quote) {
        if (quote.length() <= SOURCE_QUOTE_CHARS) {
            return quote;
        }
        int cut = quote.lastIndexOf(' ', SOURCE_QUOTE_CHARS - 1);
        return quote.substring(0, cut > SOURCE_QUOTE_CHARS / 2 ? cut : SOURCE_QUOTE_CHARS - 1).stripTrailing() + "…";
    }
}
