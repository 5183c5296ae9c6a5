package dev.stackadvisor.index;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime inference of MiniLM over several questions: input ids, attention mask and token type ids as
 * {@code [batch, longest]} tensors (shorter questions padded with id 0 and mask 0), then per question the mean of
 * its own token vectors (the mask excludes the padding) and L2 normalisation.
 *
 * <p>Pooling and normalisation repeat langchain4j's {@code OnnxBertBiEncoder} operation for operation, in float, so
 * a batch of one gives the very same bits as {@code MiniLmEmbeddingModel.embed}; in a padded batch the model's
 * arithmetic runs over other shapes and the vectors agree to ~1e-6 ({@code EmbeddingBatcherTest} holds 1e-5).
 */
final class PaddedInference {

    /** all-MiniLM-L6-v2's output width. */
    static final int DIMENSION = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean tokenTypes;

    PaddedInference(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * @param batch one or more tokenised questions, any lengths
     * @return one L2-normalised float[384] per question, in order
     * @throws IllegalStateException when ONNX Runtime fails
     */
    float[][] embed(List<QueryTokens> batch) {
        int n = batch.size();
        int longest = 0;
        for (QueryTokens q : batch) {
            longest = Math.max(longest, q.length());
        }
        long[] ids = new long[n * longest];
        long[] mask = new long[n * longest];
        long[] types = new long[n * longest];
        for (int row = 0; row < n; row++) {
            QueryTokens q = batch.get(row);
            System.arraycopy(q.ids(), 0, ids, row * longest, q.length());
            System.arraycopy(q.typeIds(), 0, types, row * longest, q.length());
            Arrays.fill(mask, row * longest, row * longest + q.length(), 1L);
        }
        long[] shape = {n, longest};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (tokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state, [n, longest, 384], row-major
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[][] out = new float[n][];
                for (int row = 0; row < n; row++) {
                    out[row] = normalize(meanPool(hidden, row * longest * DIMENSION, batch.get(row).length()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + n + ": " + e.getMessage(), e);
        }
    }

    /** The mean of the first {@code tokens} token vectors from {@code offset}, summed in token order as langchain4j does. */
    private static float[] meanPool(FloatBuffer hidden, int offset, int tokens) {
        float[] mean = new float[DIMENSION];
        for (int t = 0; t < tokens; t++) {
            int base = offset + t * DIMENSION;
            for (int j = 0; j < DIMENSION; j++) {
                mean[j] += hidden.get(base + j);
            }
        }
        for (int j = 0; j < DIMENSION; j++) {
            mean[j] /= tokens;
        }
        return mean;
    }

    private static float[] normalize(float[] vector) {
        float sumSquare = 0;
        for (float v : vector) {
            sumSquare += v * v;
        }
        float norm = (float) Math.sqrt(sumSquare);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] / norm;
        }
        return out;
    }
}
