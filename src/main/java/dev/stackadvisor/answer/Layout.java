package dev.stackadvisor.answer;

import java.util.List;

/**
 * How one kind of question (an {@link dev.stackadvisor.retrieval.Intent}) is answered: lays the answer out on the
 * draft from the evidence, and says which frameworks it discusses.
 */
interface Layout {

    /**
     * @param ev       the retrieved, gated evidence (grounded)
     * @param question what claims are ranked against (topic words, embedding)
     * @param draft    the answer being laid out; it holds the sentences already quoted
     * @return canonical names of the frameworks the answer discusses, in order
     */
    List<String> lay(dev.stackadvisor.retrieval.Evidence ev, Question question, Draft draft);
}
