package dev.stackadvisor.chat;

/**
 * Says when per-request latency has stopped falling: fed the median latency of successive warm-up batches, it is
 * flat once {@code patience} batches in a row were none of them more than {@code minGain} (a fraction) below the
 * reference: the median of the last batch that was (the first batch's, to begin with). A batch that is starts the
 * count again and becomes the reference, so a slow steady fall (2 % a batch against 5 %) still counts as falling
 * once it adds up. Used by one thread.
 */
final class Plateau {

    private final double minGain;
    private final int patience;
    private double reference = Double.POSITIVE_INFINITY;
    private int sinceFall;

    /**
     * @param minGain  how much lower than the best median a batch must be to count as still falling, as a fraction
     *                 (0.05 = 5 %); 0..1
     * @param patience how many batches in a row without such a gain make a plateau, ≥ 1
     * @throws IllegalArgumentException when either is out of range
     */
    Plateau(double minGain, int patience) {
        if (minGain < 0 || minGain >= 1 || patience < 1) {
            throw new IllegalArgumentException("minGain must be in [0, 1) and patience >= 1");
        }
        this.minGain = minGain;
        this.patience = patience;
    }

    /**
     * Adds a batch's median latency.
     *
     * @param medianMs the batch's median per-request latency, milliseconds, ≥ 0
     * @return whether latency is now flat
     */
    boolean add(double medianMs) {
        if (medianMs < reference * (1 - minGain)) {
            reference = medianMs;
            sinceFall = 0;
        } else {
            sinceFall++;
        }
        return sinceFall >= patience;
    }
}
