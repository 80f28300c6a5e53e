package io.vocengine.engine.emotion;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;

import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Document polarity from an ONNX character CNN (models/training/train_polarity.py): probabilities of negative and
 * positive per text. One onnxruntime session per model, shared by all threads (onnxruntime sessions are
 * thread-safe), one intra-op thread (many callers with one thread each scale best on onnxruntime, #16192); every
 * input tensor and result is closed after each call, since their native memory is outside the Java heap.
 * Close the model when the engine shuts down.
 */
public final class PolarityModel implements AutoCloseable {
    public static final String KIND = "onnx/document-polarity";
    /** Shortest input the convolutions accept (their widest kernel is 4); shorter texts are padded. */
    private static final int MIN_LENGTH = 8;

    private final OrtSession session;
    private final Map<Integer, Integer> ids = new HashMap<>(); // code point -> id; 0 padding, 1 unknown
    private final int maxLength;
    private final String stamp;

    public PolarityModel(ModelBundle bundle) {
        if (!KIND.equals(bundle.kind())) {
            throw new BundleException("model bundle " + bundle.name() + " is a " + bundle.kind() + ", not a " + KIND);
        }
        this.stamp = bundle.stamp();
        this.maxLength = bundle.manifest().path("maxLength").asInt(128);
        String[] vocab = new String(bundle.file("vocab.txt"), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < vocab.length; i++) {
            if (!vocab[i].isEmpty()) ids.put(vocab[i].codePointAt(0), i + 2);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = OrtEnvironment.getEnvironment().createSession(bundle.file("model.onnx"), options);
        } catch (OrtException e) {
            throw new BundleException("model bundle " + bundle.name() + ": model.onnx is not a loadable ONNX model: " + e.getMessage());
        }
    }

    public String stamp() {
        return stamp;
    }

    /** The probabilities [negative, positive] of each text, in one batched call. */
    public float[][] predict(List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        int length = MIN_LENGTH;
        int[][] encoded = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            encoded[i] = encode(texts.get(i));
            length = Math.max(length, encoded[i].length);
        }
        LongBuffer buffer = LongBuffer.allocate(texts.size() * length);
        for (int[] row : encoded) {
            for (int j = 0; j < length; j++) buffer.put(j < row.length ? row[j] : 0);
        }
        buffer.rewind();
        try (OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, new long[]{texts.size(), length});
             OrtSession.Result result = session.run(Map.of("ids", input))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("polarity model " + stamp + " failed: " + e.getMessage(), e);
        }
    }

    /** NFKC, lower case, one id per character up to the model's length: as in training. */
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
            throw new IllegalStateException("closing polarity model " + stamp, e);
        }
    }
}
