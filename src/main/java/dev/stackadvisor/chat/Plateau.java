package dev.stackadvisor.chat;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Says when per-request latency has stopped falling. It is fed the median latency of successive warm-up batches; its
 * figure is the median of the last {@code window} of them (one batch slowed by a collection or a neighbour's burst
 * does not move it). Latency is flat once {@code patience} batches in a row left the figure no more than
 * {@code minGain} (a fraction) below the reference: the figure when it last fell that much (the first figure, to
 * begin with). A fall that large resets the count and becomes the reference, so a slow steady fall (2 % a batch
 * against 5 %) still counts as falling once it adds up. Used by one thread.
 */
final class Plateau {

    private final double minGain;
    private final int patience;
    private final int window;
    private final Deque<Double> recent = new ArrayDeque<>();
    private double reference = Double.POSITIVE_INFINITY;
    private int sinceFall;

    /**
     * @param minGain  how far below the reference the figure must be to count as still falling, as a fraction
     *                 (0.05 = 5 %); 0..1
     * @param patience how many batches in a row without such a fall make a plateau, ≥ 1
     * @param window   how many recent batch medians the figure is the median of, ≥ 1
     * @throws IllegalArgumentException when one is out of range
     */
    Plateau(double minGain, int patience, int window) {
        if (minGain < 0 || minGain >= 1 || patience < 1 || window < 1) {
            throw new IllegalArgumentException("minGain must be in [0, 1), patience and window >= 1");
        }
        this.minGain = minGain;
        this.patience = patience;
        this.window = window;
    }

    /**
     * Adds a batch's median latency.
     *
     * @param medianMs the batch's median per-request latency, milliseconds, ≥ 0
     * @return whether latency is now flat
     */
    boolean add(double medianMs) {
        recent.addLast(medianMs);
        if (recent.size() > window) {
            recent.removeFirst();
        }
        double figure = median(recent.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        if (figure < reference * (1 - minGain)) {
            reference = figure;
            sinceFall = 0;
        } else {
            sinceFall++;
        }
        return sinceFall >= patience;
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
