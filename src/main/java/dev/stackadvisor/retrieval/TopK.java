package dev.stackadvisor.retrieval;

/**
 * How many fused passages a concept or scenario answer draws from: the one place its bounds live (the HTTP
 * API's {@code topK}, the chat service and the retriever all check here).
 */
public final class TopK {

    /** Fewest passages. */
    public static final int MIN = 1;
    /** Most passages (the API contract: {@code topK} 1–20). */
    public static final int MAX = 20;
    /** When the client does not say: enough for a concept answer to pick its few sentences from. */
    public static final int DEFAULT = 12;

    private TopK() {
    }

    /** Whether {@code k} is a topK the service accepts. */
    public static boolean valid(int k) {
        return k >= MIN && k <= MAX;
    }

    /**
     * {@code k} when valid.
     *
     * @throws IllegalArgumentException "topK must be a whole number from 1 to 20" otherwise
     */
    public static int checked(int k) {
        if (!valid(k)) {
            throw new IllegalArgumentException(message());
        }
        return k;
    }

    /** What a client is told when its topK is out of range. */
    public static String message() {
        return "topK must be a whole number from " + MIN + " to " + MAX;
    }
}
