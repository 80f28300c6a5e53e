package io.vocengine.engine.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import io.vocengine.engine.bundle.BundleCopies;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.emotion.EmotionModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxTextModelTest {
    private static OnnxTextModel model;

    @BeforeAll
    static void load() {
        model = new OnnxTextModel(ModelBundle.shipped("polarity-cnn"), EmotionModels.POLARITY_KIND);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void readsPolarityInBatchesOfAnyLength() {
        float[][] p = model.predict(List.of("质量很好，非常满意，下次还买", "太差了，用了两天就坏了，退货", "", "好"));
        assertEquals(4, p.length);
        assertTrue(p[0][1] > 0.8, "positive " + p[0][1]);
        assertTrue(p[1][0] > 0.8, "negative " + p[1][0]);
        for (float[] row : p) assertEquals(1.0, row[0] + row[1], 1e-4);
        assertEquals(0, model.predict(List.of()).length);
    }

    /**
     * A batch is padded to its longest text; both shipped models mask the padding (the emotion model's n-gram bag
     * sums only the text's own positions), so a text reads the same alone and beside a much longer one.
     */
    @Test
    void aTextReadsTheSameAloneAndInAPaddedBatch() {
        List<String> texts = new ArrayList<>(List.of("有点小贵", "我发誓再也不买你们家东西了！！",
                "物流很慢，等了整整一个星期才到，打开一看盒子都压扁了，里面的杯子碎了两个，客服还一直推脱责任，说是快递的问题，"
                        + "让我自己去找快递公司，太让人失望了，以后不会再来这家店买东西了", "好"));
        for (int i = 0; i < 30; i++) texts.add("质量一般，".repeat(1 + i % 9) + i); // more than one sub-batch, mixed lengths
        try (OnnxTextModel emotion = new OnnxTextModel(ModelBundle.shipped("emotion-cnn"), EmotionModels.EMOTION_KIND)) {
            for (OnnxTextModel m : List.of(model, emotion)) {
                float[][] batched = m.predict(texts);
                for (int i = 0; i < texts.size(); i++) {
                    float[] alone = m.predict(List.of(texts.get(i)))[0];
                    for (int l = 0; l < alone.length; l++) {
                        assertEquals(alone[l], batched[i][l], 1e-5, m.labels().get(l) + " of " + texts.get(i));
                    }
                }
            }
        }
    }

    /** Every tensor is closed: 30,000 predictions must not grow the process's native memory without bound. */
    @Test
    void nativeMemoryStaysFlatOverManyCalls() throws IOException {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 32; i++) batch.add("物流很快，包装完好，质量不错" + i);
        for (int i = 0; i < 100; i++) model.predict(batch); // warm up allocators
        long before = rss();
        for (int i = 0; i < 1000; i++) model.predict(batch);
        long grown = rss() - before;
        assertTrue(grown < 64L << 20, "RSS grew by " + (grown >> 20) + " MB over 32,000 predictions");
    }

    /** Each native value a call opens is closed by the time it returns, also when the call fails halfway. */
    @Test
    void everyTensorAndResultIsClosedEvenWhenACallFails() {
        List<OnnxValue> opened = new ArrayList<>();
        AtomicBoolean failNext = new AtomicBoolean();
        ModelBundle bundle = ModelBundle.shipped("polarity-cnn");
        try (OnnxTextModel m = new OnnxTextModel(bundle, EmotionModels.POLARITY_KIND, 1, v -> {
            synchronized (opened) {
                opened.add(v);
            }
            if (failNext.get() && !(v instanceof OnnxTensor t && t.getInfo().type == OnnxJavaType.INT64)) {
                throw new IllegalStateException("fails after the model ran");
            }
        })) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 40; i++) texts.add("物流很快，包装完好".repeat(1 + i % 7) + i);
            m.predict(texts);
            m.predict(List.of("好".repeat(2000)), OnnxTextModel.Pooling.MEAN);
            failNext.set(true);
            assertThrows(IllegalStateException.class, () -> m.predict(List.of("坏")));
        }
        // An input and an output per call: the warm-up, the sub-batches of 40 texts, one of 2 windows, the failed call.
        assertEquals(2 * (1 + (40 + OnnxTextModel.SUB_BATCH - 1) / OnnxTextModel.SUB_BATCH + 1 + 1), opened.size());
        for (OnnxValue v : opened) assertTrue(v.isClosed(), "left open: " + v);
    }

    /** A long text's windows: its head and its tail, each maxLength long; a short text is itself. */
    @Test
    void aLongTextIsReadAtItsHeadAndItsTail() {
        int max = model.manifest().path("maxLength").asInt(); // 512
        int[] ids = new int[2 * max + 100];
        for (int i = 0; i < ids.length; i++) ids[i] = i + 1;
        List<int[]> w = model.windows(ids, true);
        assertEquals(List.of(1, max + 101), w.stream().map(x -> x[0]).toList());
        for (int[] x : w) assertEquals(max, x.length);
        assertEquals(ids.length, w.get(1)[max - 1]);
        assertEquals(1, model.windows(ids, false).size());
        assertEquals(1, model.windows(new int[]{5, 6}, true).size());
        assertEquals(1, model.windows(new int[0], true).get(0).length); // one padding id
        assertEquals(1, model.predict(List.of("好".repeat(100 * max)), OnnxTextModel.Pooling.MEAN).length);
    }

    @Test
    void aManifestWithoutAPositiveMaxLengthIsRefused(@TempDir Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped("polarity-cnn");
        for (String broken : List.of("\"maxLength\":0", "\"maxLength\":-5", "\"maxLengthOld\":512")) {
            ModelBundle b = BundleCopies.withManifest(dir, broken.replaceAll("\\W", ""), shipped,
                    shipped.manifest().toString().replace("\"maxLength\":512", broken));
            BundleException e = assertThrows(BundleException.class, () -> new OnnxTextModel(b, EmotionModels.POLARITY_KIND));
            assertTrue(e.getMessage().contains("needs a positive maxLength"), e.getMessage());
        }
    }

    @Test
    void aCorruptModelFileIsNamed(@TempDir Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped("polarity-cnn");
        Path b = Files.createDirectories(dir.resolve("polarity-cnn"));
        byte[] onnx = "not an onnx model".getBytes();
        Files.write(b.resolve("model.onnx"), onnx);
        Files.write(b.resolve("vocab.txt"), shipped.file("vocab.txt"));
        Files.write(b.resolve("labels.json"), shipped.file("labels.json"));
        Files.writeString(b.resolve("manifest.json"), shipped.manifest().toString()
                .replace(shipped.manifest().path("files").path("model.onnx").asText(), ModelBundle.sha256(onnx)));
        BundleException e = assertThrows(BundleException.class, () -> new OnnxTextModel(ModelBundle.load(b), EmotionModels.POLARITY_KIND));
        assertTrue(e.getMessage().contains("model.onnx is not a loadable ONNX model"), e.getMessage());
    }

    @Test
    void aBundleOfAnotherKindOrWithTheWrongLabelCountIsRefused(@TempDir Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped("polarity-cnn");
        BundleException kind = assertThrows(BundleException.class, () -> new OnnxTextModel(shipped, EmotionModels.EMOTION_KIND));
        assertTrue(kind.getMessage().contains("not a onnx/emotion"), kind.getMessage());
        Path b = Files.createDirectories(dir.resolve("polarity-cnn"));
        for (String f : List.of("model.onnx", "vocab.txt", "labels.json")) Files.write(b.resolve(f), shipped.file(f));
        Files.writeString(b.resolve("manifest.json"), shipped.manifest().toString()
                .replace("\"labels\":[\"negative\",\"positive\"]", "\"labels\":[\"negative\",\"neutral\",\"positive\"]"));
        BundleException labels = assertThrows(BundleException.class, () -> new OnnxTextModel(ModelBundle.load(b), EmotionModels.POLARITY_KIND));
        assertTrue(labels.getMessage().contains("output has the shape [-1, 2], expected [batch, 3]"), labels.getMessage());
    }

    private static long rss() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElseThrow();
        }
    }
}
