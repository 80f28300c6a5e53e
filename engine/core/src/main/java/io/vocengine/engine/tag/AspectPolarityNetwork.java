package io.vocengine.engine.tag;

import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.onnx.OnnxTextModel;
import io.vocengine.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ONNX network that reads a whole review and, for each aspect it was trained on (taxonomy nodes listed in its
 * manifest's {@code aspects}), gives the probabilities that the review does not mention it, or mentions it
 * negatively, neutrally or positively (models/training/train_aspect.py). It reads the review as a whole, so it
 * knows that 就是等位太久 speaks of waiting although no rule matched the clause; the aspect-polarity model reads its
 * verdict as features beside the rules' ({@link AspectPolarityFeatures}).
 * <p>
 * Shared read-only by every thread and engine of the JVM: {@link OnnxTextModel} is thread-safe, and shipped networks
 * are loaded and warmed once ({@link #shipped}), so a taxonomy reload does not reload them.
 */
public final class AspectPolarityNetwork {
    public static final String KIND = "onnx/aspect-polarity";
    public static final List<String> LABELS = List.of("not_mentioned", "negative", "neutral", "positive");
    /** The network's out-of-fold probabilities on its own training reviews, for training a model stacked on it. */
    public static final String OUT_OF_FOLD_FILE = "train2-oof.tsv";
    private static final Map<String, AspectPolarityNetwork> SHIPPED = new ConcurrentHashMap<>();
    /** Below this probability of being mentioned, an aspect's polarity split is not read (see Reading#polarity). */
    private static final float MIN_MENTION = 0.005f;

    private final OnnxTextModel model;
    private final String name;
    private final List<String> aspects;

    /** @throws BundleException when the bundle lists no aspects, has other labels or a model of another shape */
    public AspectPolarityNetwork(ModelBundle bundle) {
        List<String> ids = new ArrayList<>();
        bundle.manifest().path("aspects").forEach(a -> ids.add(a.asText()));
        if (ids.isEmpty()) throw new BundleException("model bundle " + bundle.name() + ": manifest.json lists no aspects");
        this.aspects = List.copyOf(ids);
        this.name = bundle.name();
        this.model = new OnnxTextModel(bundle, KIND, aspects.size());
        if (!model.labels().equals(LABELS)) {
            model.close();
            throw new BundleException("model bundle " + bundle.name() + " must have the labels " + LABELS + ", has " + model.labels());
        }
    }

    /** The shipped network of that name, loaded and warmed on first use. */
    public static AspectPolarityNetwork shipped(String name) {
        return SHIPPED.computeIfAbsent(name, n -> {
            ModelBundle b = ModelBundle.shipped(n);
            if (b == null) throw new BundleException("model bundle " + n + " is not on the class path (models/bundles/" + n + ")");
            return new AspectPolarityNetwork(b);
        });
    }

    /** The bundle's name, under which it ships ({@link #shipped}). */
    public String name() {
        return name;
    }

    public String stamp() {
        return model.stamp();
    }

    /** The taxonomy node ids the network scores, in the order of its output rows. */
    public List<String> aspects() {
        return aspects;
    }

    /** @throws BundleException when the taxonomy lacks one of the network's aspects */
    public void checkAgainst(Taxonomy taxonomy) {
        for (String a : aspects) {
            if (!taxonomy.nodes().containsKey(a)) {
                throw new BundleException("aspect network " + stamp() + " scores " + a + ", which taxonomy "
                        + taxonomy.version() + " does not have: retrain the network or restore the node");
            }
        }
    }

    /** The network's reading of each text, in order, in one batched run. */
    public List<Reading> read(List<String> texts, Taxonomy taxonomy) {
        List<Reading> out = new ArrayList<>(texts.size());
        for (float[] p : model.predict(texts)) out.add(reading(taxonomy, p));
        return out;
    }

    /** A reading from probabilities computed elsewhere (the out-of-fold file), laid out as the network's output. */
    public Reading reading(Taxonomy taxonomy, float[] probabilities) {
        if (probabilities.length != aspects.size() * LABELS.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + aspects.size() + " aspects");
        }
        return new Reading(taxonomy, probabilities.clone());
    }

    /** What the network says of one review. Immutable. */
    public final class Reading {
        private final Taxonomy taxonomy;
        private final float[] p;

        private Reading(Taxonomy taxonomy, float[] p) {
            this.taxonomy = taxonomy;
            this.p = p;
        }

        /**
         * The polarity distribution (negative, neutral, positive, summing to 1) of the node's aspect: the node's own
         * when the network scores it, else its nearest scored ancestor's (a fine node such as 排队久 inherits 等位
         * time), else, for a coarse node such as 服务, that of its scored descendant the review most likely mentions.
         * Null when no scored aspect is related to the node, or the review almost surely does not mention it.
         */
        public float[] polarity(String nodeId) {
            List<String> path = taxonomy.pathIds(nodeId);
            for (int i = path.size() - 1; i >= 0; i--) {
                int a = aspects.indexOf(path.get(i));
                if (a >= 0) return polarityOf(a);
            }
            int best = -1;
            for (int a = 0; a < aspects.size(); a++) {
                if (taxonomy.pathIds(aspects.get(a)).contains(nodeId) && (best < 0 || mentioned(a) > mentioned(best))) best = a;
            }
            return best < 0 ? null : polarityOf(best);
        }

        private float mentioned(int aspect) {
            return 1 - p[aspect * LABELS.size()];
        }

        /**
         * Null when the network is all but sure the review does not mention the aspect: its polarity split would then
         * be a ratio of rounding noise (the out-of-fold file keeps four decimals), not evidence.
         */
        private float[] polarityOf(int aspect) {
            int at = aspect * LABELS.size() + 1;
            float sum = p[at] + p[at + 1] + p[at + 2];
            if (sum < MIN_MENTION) return null;
            return new float[]{p[at] / sum, p[at + 1] / sum, p[at + 2] / sum};
        }
    }
}
