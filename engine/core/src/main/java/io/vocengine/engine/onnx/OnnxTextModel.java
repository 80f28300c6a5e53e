package io.vocengine.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A text classifier trained by one of the scripts in models/training and shipped as a bundle: character ids in
 * ("ids", int64 [batch, length]), one probability per label out ("probs", float [batch, labels]), or one per label
 * and row for a model that classifies several things at once ([batch, rows, labels]: an aspect model's rows are its
 * aspects); both names and types are checked on load. The scripts and this class share the encoding: NFKC, lower
 * case, one id per character from vocab.txt, at most the manifest's maxLength characters per model input, padded to
 * at least its minLength.
 * <p>
 * Shared: one onnxruntime session per model, used by all threads (sessions are thread-safe), with one intra-op
 * thread, because many callers with one thread each scale best on onnxruntime (#16192). Not shared: each thread's
 * direct input buffer, and each call's tensor and result, closed before the call returns, since their native
 * memory is outside the Java heap. The constructor runs one warm-up call so that the first real request does not
 * pay for lazy initialisation. Whoever creates a model closes it; the shipped ones (EmotionModels#shipped,
 * AspectPolarityNetwork#shipped) live as long as the JVM and are never closed.
 */
public final class OnnxTextModel implements AutoCloseable {
    /**
     * Shortest input, for a manifest that gives no minLength: the training scripts' MIN_LEN (common.py), to which
     * they pad every batch; shorter texts are padded.
     */
    private static final int MIN_LENGTH = 8;
    /**
     * Texts per session call: enough to amortise the call, few enough that lengths within one stay close and the
     * activations stay in cache (emotion bench, 1 / 2 threads: 4 → 2,188 / 3,652 items/s, 8 → 2,155 / 3,926,
     * 16 → 1,968 / 3,472, 32 → 1,629 / 2,936).
     */
    static final int SUB_BATCH = 8;

    private final OrtSession session;
    private final Map<Integer, Integer> ids = new HashMap<>(); // code point -> id; 0 padding, 1 unknown
    private final List<String> labels;
    private final int maxLength;
    private final int minLength;
    private final String name;
    private final String stamp;
    private final JsonNode manifest;
    /** Per thread, never shared: each calling thread's reusable input buffer (see {@link #buffer}). */
    private final ThreadLocal<LongBuffer> buffers = ThreadLocal.withInitial(() -> LongBuffer.allocate(0));
    /** Sees every native value a call opens (tests check that each is closed); shared, so thread-safe. */
    private final Consumer<OnnxValue> opened;

    /** How the readings of one long text's windows become the text's one reading. */
    @FunctionalInterface
    public interface Pooling {
        /** The label-wise mean. */
        Pooling MEAN = windows -> {
            float[] out = new float[windows.get(0).length];
            for (float[] w : windows) for (int l = 0; l < out.length; l++) out[l] += w[l] / windows.size();
            return out;
        };

        float[] pool(List<float[]> windows);
    }

    /** A model with one probability per label. */
    public OnnxTextModel(ModelBundle bundle, String kind) {
        this(bundle, kind, 1);
    }

    /**
     * @param rows how many label distributions the model gives per text
     * @throws BundleException when the bundle is of another kind, lacks its labels, holds no loadable model or one
     *                         whose output is not rows × labels wide
     */
    public OnnxTextModel(ModelBundle bundle, String kind, int rows) {
        this(bundle, kind, rows, value -> { });
    }

    OnnxTextModel(ModelBundle bundle, String kind, int rows, Consumer<OnnxValue> opened) {
        this.opened = opened;
        if (!kind.equals(bundle.kind())) {
            throw new BundleException("model bundle " + bundle.name() + " is a " + bundle.kind() + ", not a " + kind);
        }
        this.name = bundle.name();
        this.stamp = bundle.stamp();
        this.manifest = bundle.manifest();
        this.maxLength = manifest.path("maxLength").asInt(0);
        this.minLength = manifest.path("minLength").asInt(MIN_LENGTH);
        if (maxLength <= 0 || minLength <= 0) {
            throw new BundleException("model bundle " + name + ": manifest.json needs a positive maxLength (and minLength, "
                    + "if given) in characters, has maxLength " + manifest.path("maxLength") + ", minLength "
                    + manifest.path("minLength"));
        }
        List<String> names = new ArrayList<>();
        manifest.path("labels").forEach(l -> names.add(l.asText()));
        if (names.isEmpty()) throw new BundleException("model bundle " + name + ": manifest.json lists no labels");
        this.labels = List.copyOf(names);
        String[] vocab = new String(bundle.file("vocab.txt"), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < vocab.length; i++) {
            if (!vocab[i].isEmpty()) ids.put(vocab[i].codePointAt(0), i + 2);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = OrtEnvironment.getEnvironment().createSession(bundle.file("model.onnx"), options);
        } catch (OrtException e) {
            throw new BundleException("model bundle " + name + ": model.onnx is not a loadable ONNX model: " + e.getMessage());
        }
        long[] wanted = rows == 1 ? new long[]{-1, labels.size()} : new long[]{-1, rows, labels.size()};
        String expected = Arrays.toString(wanted).replace("-1", "batch");
        try {
            checkSignature(wanted, expected);
            float[][] warm = predict(List.of("预")); // one character: padded to minLength, the shortest input there is
            if (warm[0].length != rows * labels.size()) { // a dynamic non-batch axis passes the signature check
                throw new BundleException("model bundle " + name + ": model.onnx gives " + warm[0].length
                        + " probabilities per text, expected " + expected + " (manifest.json)");
            }
        } catch (RuntimeException e) {
            close();
            throw e instanceof BundleException b ? b
                    : new BundleException("model bundle " + name + ": model.onnx fails on a warm-up text: " + e.getMessage());
        }
    }

    /**
     * The graph's input is "ids", an int64 tensor, and its output "probs", a float tensor of the wanted shape ([batch,
     * labels], or [batch, rows, labels]; -1 is the batch): checked by shape, not only by size, since a transposed
     * [batch, labels, rows] export has the same size and would be read silently wrong.
     */
    private void checkSignature(long[] wanted, String expected) {
        try {
            NodeInfo input = session.getInputInfo().get("ids");
            if (input == null) {
                throw new BundleException("model bundle " + name + ": model.onnx has no input 'ids' (it has "
                        + session.getInputInfo().keySet() + ")");
            }
            if (!(input.getInfo() instanceof TensorInfo in) || in.type != OnnxJavaType.INT64) {
                throw new BundleException("model bundle " + name + ": model.onnx's input 'ids' is not an int64 tensor: " + input.getInfo());
            }
            NodeInfo output = session.getOutputInfo().get("probs");
            if (output == null) {
                throw new BundleException("model bundle " + name + ": model.onnx has no output 'probs' (it has "
                        + session.getOutputInfo().keySet() + ")");
            }
            if (!(output.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
                throw new BundleException("model bundle " + name + ": model.onnx's output is not a float tensor "
                        + expected + ": " + output.getInfo());
            }
            long[] shape = tensor.getShape();
            boolean fits = shape.length == wanted.length;
            for (int k = 1; fits && k < shape.length; k++) fits = shape[k] < 0 || shape[k] == wanted[k];
            if (!fits) {
                throw new BundleException("model bundle " + name + ": model.onnx's output has the shape "
                        + Arrays.toString(shape) + ", expected " + expected + " (manifest.json)");
            }
        } catch (OrtException e) {
            throw new BundleException("model bundle " + name + ": cannot read model.onnx's signature: " + e.getMessage());
        }
    }

    /** "name@version", the source stamp results carry. */
    public String stamp() {
        return stamp;
    }

    public List<String> labels() {
        return labels;
    }

    public JsonNode manifest() {
        return manifest;
    }

    /**
     * The probabilities of each text, one per label, read from its first maxLength characters; for a model of
     * several rows, row by row (row r's label l at {@code r * labels().size() + l}).
     */
    public float[][] predict(List<String> texts) {
        return predict(texts, false, null);
    }

    /**
     * The probabilities of each text, one per label: a text longer than maxLength is read as two windows of maxLength
     * characters, its head and its tail, so that a verdict at the end counts as much as one at the start (the
     * middle of a very long text is not read: two windows cost a long review twice a short one's time, every window
     * would cost it without bound); the two readings are pooled.
     */
    public float[][] predict(List<String> texts, Pooling pooling) {
        return predict(texts, true, pooling);
    }

    /**
     * Every window of every text is one model input. Inputs are sorted by length and run in sub-batches of up to
     * {@link #SUB_BATCH}, each padded only to its own longest input: a batch padded to its longest review would spend
     * most of its convolutions on padding.
     */
    private float[][] predict(List<String> texts, boolean tails, Pooling pooling) {
        List<int[]> inputs = new ArrayList<>(texts.size());
        int[] first = new int[texts.size() + 1]; // text i's windows are inputs first[i] .. first[i + 1) - 1
        for (int i = 0; i < texts.size(); i++) {
            first[i] = inputs.size();
            inputs.addAll(windows(encode(texts.get(i)), tails));
        }
        first[texts.size()] = inputs.size();
        int[][] encoded = inputs.toArray(new int[0][]);
        Integer[] order = new Integer[encoded.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> encoded[i].length));
        float[][] read = new float[encoded.length][];
        for (int from = 0; from < order.length; from += SUB_BATCH) {
            int to = Math.min(order.length, from + SUB_BATCH);
            float[][] p = run(encoded, order, from, to);
            for (int k = from; k < to; k++) read[order[k]] = p[k - from];
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = first[i + 1] - first[i] == 1 ? read[first[i]]
                    : pooling.pool(Arrays.asList(read).subList(first[i], first[i + 1]));
        }
        return out;
    }

    /** The model inputs of one encoded text: its head (at least one id, padding), and its tail when asked and longer. */
    List<int[]> windows(int[] ids, boolean tail) {
        int[] head = ids.length == 0 ? new int[1] : Arrays.copyOf(ids, Math.min(ids.length, maxLength));
        return tail && ids.length > maxLength ? List.of(head, Arrays.copyOfRange(ids, ids.length - maxLength, ids.length))
                : List.of(head);
    }

    /** One session call over {@code encoded[order[from..to)]}, padded to the longest of them. */
    private float[][] run(int[][] encoded, Integer[] order, int from, int to) {
        int length = Math.max(minLength, encoded[order[to - 1]].length);
        LongBuffer buffer = buffer((to - from) * length);
        for (int k = from; k < to; k++) {
            int[] row = encoded[order[k]];
            for (int j = 0; j < length; j++) buffer.put(j < row.length ? row[j] : 0);
        }
        buffer.rewind();
        try (OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, new long[]{to - from, length});
             OrtSession.Result result = session.run(Map.of("ids", input))) {
            opened.accept(input);
            result.forEach(output -> opened.accept(output.getValue()));
            FloatBuffer all = ((OnnxTensor) result.get("probs").orElseThrow()).getFloatBuffer();
            float[][] out = new float[to - from][all.remaining() / (to - from)];
            for (float[] row : out) all.get(row);
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("model " + stamp + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * This thread's input buffer, grown when too small. Direct, so onnxruntime reads it in place; reused, because
     * allocating a direct buffer per call throttles every thread on the JVM's direct-memory accounting (each
     * allocation may wait for a GC to free the last ones). Safe: the tensor over it is closed before the call returns.
     */
    private LongBuffer buffer(int longs) {
        LongBuffer b = buffers.get();
        if (b.capacity() < longs) {
            b = ByteBuffer.allocateDirect(longs * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
            buffers.set(b);
        }
        b.clear().limit(longs);
        return b;
    }

    /** NFKC, lower case, one id per character: as in training (common.py). */
    int[] encode(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return t.codePoints().map(cp -> ids.getOrDefault(cp, 1)).toArray();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing model " + stamp, e);
        }
    }
}
