package io.vocengine.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
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

/**
 * A text classifier trained by one of the scripts in models/training and shipped as a bundle: character ids in
 * ("ids", int64 [batch, length]), one probability per label out ("probs", float [batch, labels]), or one per label
 * and row for a model that classifies several things at once ([batch, rows, labels]: an aspect model's rows are its
 * aspects). The scripts and this class share the encoding: NFKC, lower case, one id per character from vocab.txt.
 * <p>
 * Shared: one onnxruntime session per model, used by all threads (sessions are thread-safe), with one intra-op
 * thread, because many callers with one thread each scale best on onnxruntime (#16192). Not shared: each thread's
 * direct input buffer, and each call's tensor and result, closed before the call returns, since their native
 * memory is outside the Java heap. The constructor runs one warm-up call so that the first real request does not pay for lazy
 * initialisation. Close the model when the engine shuts down.
 */
public final class OnnxTextModel implements AutoCloseable {
    /** Shortest input the convolutions accept (their widest kernel is at most this); shorter texts are padded. */
    private static final int MIN_LENGTH = 8;
    /** Texts per session call: enough to amortise the call, few enough that lengths within one stay close. */
    private static final int SUB_BATCH = 16;

    private final OrtSession session;
    private final Map<Integer, Integer> ids = new HashMap<>(); // code point -> id; 0 padding, 1 unknown
    private final List<String> labels;
    private final int maxLength;
    private final String name;
    private final String stamp;
    private final JsonNode manifest;
    /** Per thread, never shared: each calling thread's reusable input buffer (see {@link #buffer}). */
    private final ThreadLocal<LongBuffer> buffers = ThreadLocal.withInitial(() -> LongBuffer.allocate(0));

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
        if (!kind.equals(bundle.kind())) {
            throw new BundleException("model bundle " + bundle.name() + " is a " + bundle.kind() + ", not a " + kind);
        }
        this.name = bundle.name();
        this.stamp = bundle.stamp();
        this.manifest = bundle.manifest();
        this.maxLength = manifest.path("maxLength").asInt(128);
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
            float[][] warm = predict(List.of("warm-up 预热"));
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
     * The graph's input is "ids" and its output a float tensor of the wanted shape ([batch, labels], or [batch, rows,
     * labels]; -1 is the batch): checked by shape, not only by size, since a transposed [batch, labels, rows] export
     * has the same size and would be read silently wrong.
     */
    private void checkSignature(long[] wanted, String expected) {
        try {
            if (!session.getInputInfo().containsKey("ids")) {
                throw new BundleException("model bundle " + name + ": model.onnx has no input 'ids' (it has "
                        + session.getInputInfo().keySet() + ")");
            }
            NodeInfo output = session.getOutputInfo().values().iterator().next();
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
     * The probabilities of each text, one per label; for a model of several rows, row by row (row r's label l at
     * {@code r * labels().size() + l}). Texts are sorted by length and run in sub-batches of up to
     * {@link #SUB_BATCH}, each padded only to its own longest text: a batch padded to its longest review would spend
     * most of its convolutions on padding.
     */
    public float[][] predict(List<String> texts) {
        int[][] encoded = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) encoded[i] = encode(texts.get(i));
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> encoded[i].length));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += SUB_BATCH) {
            int to = Math.min(order.length, from + SUB_BATCH);
            float[][] p = run(encoded, order, from, to);
            for (int k = from; k < to; k++) out[order[k]] = p[k - from];
        }
        return out;
    }

    /** One session call over {@code encoded[order[from..to)]}, padded to the longest of them. */
    private float[][] run(int[][] encoded, Integer[] order, int from, int to) {
        int length = Math.max(MIN_LENGTH, encoded[order[to - 1]].length);
        LongBuffer buffer = buffer((to - from) * length);
        for (int k = from; k < to; k++) {
            int[] row = encoded[order[k]];
            for (int j = 0; j < length; j++) buffer.put(j < row.length ? row[j] : 0);
        }
        buffer.rewind();
        try (OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, new long[]{to - from, length});
             OrtSession.Result result = session.run(Map.of("ids", input))) {
            FloatBuffer all = ((OnnxTensor) result.get(0)).getFloatBuffer();
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

    /** NFKC, lower case, one id per character up to the model's length: as in training (common.py). */
    int[] encode(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] out = new int[Math.max(1, Math.min(maxLength, t.codePointCount(0, t.length())))];
        int j = 0;
        for (int i = 0; i < t.length() && j < maxLength; j++) {
            int cp = t.codePointAt(i);
            out[j] = ids.getOrDefault(cp, 1);
            i += Character.charCount(cp);
        }
        return out;
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
