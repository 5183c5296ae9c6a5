package dev.stackadvisor.chat;

import static dev.stackadvisor.testing.StageAssertions.assertGroundedAndVerbatim;
import static dev.stackadvisor.testing.StageAssertions.assertRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.AnswerMode;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.feedback.AnswerRecord;
import dev.stackadvisor.retrieval.TopK;
import dev.stackadvisor.testing.StageCorpus;
import dev.stackadvisor.testing.StagePipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChatService} — one turn, a follow-up within a session, a replayed conversation, streaming, refusals, the
 * first-answer cache and input checks — over the hand-written {@link StageCorpus} with the server's own wiring and
 * the bag-of-words stand-in for MiniLM ({@link StagePipeline}): no server, no model, about a second once warm.
 */
class ChatServiceFastTest {

    @TempDir
    static Path dir;
    private static StagePipeline pipeline;

    @BeforeAll
    static void build() {
        pipeline = StagePipeline.over(dir, StageCorpus.documents());
    }

    @Test
    void should_answer_a_first_turn_in_a_new_session_with_verbatim_citations() {
        ChatService chat = pipeline.chatService();

        ChatReply reply = chat.chat("Tell me about Flask", null);

        assertTrue(reply.sessionId().matches("s-[0-9a-f]{24}"), reply.sessionId());
        assertTrue(reply.answerId().matches("a-[0-9a-f]{24}"), reply.answerId());
        Answer a = reply.answer();
        assertEquals(AnswerMode.EXTRACTIVE, a.mode());
        assertEquals(List.of("Flask"), a.frameworks());
        List<Citation> cited = assertGroundedAndVerbatim(a, pipeline);
        assertTrue(cited.stream().allMatch(c -> c.documentId().equals("python-notes") && c.section().equals("Flask")),
                () -> "Flask's section only: " + cited);
        assertEquals(1, chat.sessionCount());
        assertTrue(reply.retrievalMs() >= 0 && reply.answerMs() >= 0, reply::toString);
    }

    @Test
    void should_read_a_follow_up_against_the_framework_of_the_previous_turn() {
        ChatService chat = pipeline.chatService();
        String session = "stage-follow-up";

        chat.chat("Tell me about Flask", session);
        ChatReply followUp = chat.chat("what are its drawbacks?", session);

        Answer a = followUp.answer();
        assertEquals(session, followUp.sessionId());
        assertEquals(List.of("Flask"), a.frameworks(), a::text);
        assertGroundedAndVerbatim(a, pipeline);
        assertTrue(a.sections().verdict().contains("Flask has no built-in ORM"), a::text);
        assertEquals(1, chat.sessionCount());
    }

    @Test
    void should_ask_what_a_follow_up_refers_to_when_it_opens_a_conversation() {
        ChatService chat = pipeline.chatService();

        Answer a = chat.chat("what are its drawbacks?", "stage-no-context").answer();

        assertRefusal(a);
        assertTrue(a.text().contains("refers to"), a::text);
    }

    @Test
    void should_read_a_replayed_conversation_as_the_session_it_would_have_been() {
        ChatService chat = pipeline.chatService();
        String earlier = chat.chat("Which strengths does Phoenix have?", null).answer().text();

        // the earlier answer's text is all that says what it was about (it names Phoenix alone)
        ChatReply reply = chat.chat(List.of(new ChatService.Exchange("Which strengths does Phoenix have?", earlier)),
                "and its watch-outs?", TopK.DEFAULT, null);

        assertEquals(List.of("Phoenix"), reply.answer().frameworks(), reply.answer().text());
        assertGroundedAndVerbatim(reply.answer(), pipeline);
        assertTrue(reply.answer().text().contains("Watch out: Phoenix has a steeper learning curve"), reply.answer().text());
    }

    @Test
    void should_refuse_a_question_the_sources_do_not_cover_and_still_remember_the_turn() {
        ChatService chat = pipeline.chatService();

        ChatReply offTopic = chat.chat("How do I bake sourdough bread?", null);
        ChatReply uncovered = chat.chat("Is Hono any good for APIs?", null);

        assertRefusal(offTopic.answer());
        assertRefusal(uncovered.answer());
        assertTrue(uncovered.answer().text().contains("Hono"), uncovered.answer().text());
        assertEquals(2, chat.sessionCount());
    }

    @Test
    void should_give_the_composer_s_bytes_for_a_first_turn_whether_cached_or_not() {
        ChatService chat = pipeline.chatService();
        String q = "Django vs Gin?";

        Answer first = chat.chat(q, null).answer();
        Answer cached = chat.chat(q, null).answer();

        assertEquals(pipeline.answer(q), first);
        assertEquals(first, cached);
    }

    @Test
    void should_stream_the_same_answer_sentence_by_sentence_after_its_citations() {
        ChatService chat = pipeline.chatService();
        List<String> events = new ArrayList<>();
        StringBuilder tokens = new StringBuilder();
        ChatReply[] done = new ChatReply[1];
        StreamSink sink = new StreamSink() {
            @Override
            public void meta(String sessionId, List<String> frameworks, AnswerMode mode) {
                events.add("meta " + frameworks + " " + mode.code());
            }

            @Override
            public void citations(List<Citation> citations) {
                events.add("citations " + citations.size());
            }

            @Override
            public void token(String text) {
                if (tokens.length() == 0) {
                    events.add("token");
                }
                tokens.append(text);
            }

            @Override
            public void done(ChatReply reply) {
                events.add("done");
                done[0] = reply;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        ChatReply reply = chat.stream("Compare Flask and Django", null, TopK.DEFAULT, sink);

        int n = reply.answer().citations().size();
        assertEquals(List.of("meta [Flask, Django] extractive", "citations " + n, "token", "done"), events);
        assertEquals(reply.answer().text(), tokens.toString());
        assertEquals(reply, done[0]);
        assertEquals(pipeline.answer("Compare Flask and Django"), reply.answer());
    }

    @Test
    void should_record_each_turn_with_the_questions_of_its_conversation() {
        List<AnswerRecord> records = Collections.synchronizedList(new ArrayList<>());
        ChatService chat = pipeline.chatService(records::add);

        ChatReply first = chat.chat("Tell me about Flask", "stage-recorded");
        ChatReply second = chat.chat("what are its drawbacks?", "stage-recorded");

        assertEquals(2, records.size());
        assertEquals(List.of("Tell me about Flask"), records.get(0).turns());
        assertEquals(List.of("Tell me about Flask", "what are its drawbacks?"), records.get(1).turns());
        assertEquals(first.answerId(), records.get(0).answerId());
        assertEquals(second.answerId(), records.get(1).answerId());
        assertEquals(second.answer().citations(), records.get(1).citations());
        assertNotEquals(first.answerId(), second.answerId());
    }

    @Test
    void should_reject_a_blank_or_long_message_a_malformed_session_id_and_a_topk_out_of_range() {
        ChatService chat = pipeline.chatService();

        assertThrows(IllegalArgumentException.class, () -> chat.chat("  ", null));
        assertThrows(IllegalArgumentException.class, () -> chat.chat("a".repeat(ChatService.MAX_MESSAGE_CHARS + 1), null));
        assertThrows(IllegalArgumentException.class, () -> chat.chat("Tell me about Flask", "not a session id!"));
        assertThrows(IllegalArgumentException.class, () -> chat.chat("Tell me about Flask", null, TopK.MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> chat.chat("Tell me about Flask", null, TopK.MIN - 1));
        assertEquals(0, chat.sessionCount(), "a rejected turn starts no session");
    }
}
