package io.vocengine.engine.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node-mention classifiers for one taxonomy: per node, a logistic regression (OpenNLP quasi-Newton maxent) over
 * {@link MentionFeatures} that says whether an item talks about the node, with a threshold chosen by
 * cross-validation for the rules-plus-model F1. It adds what the rules miss (味道 never said, 吃得很撑 meaning
 * 分量足). Read-only after loading; one instance serves all threads.
 */
public final class MentionModel {
    public static final String KIND = "opennlp-maxent-qn/node-mentions";
    /** The outcome of a node model that means "mentioned". */
    public static final String YES = "yes";

    private record NodeModel(MaxentModel model, double threshold) {
    }

    private final Map<String, NodeModel> nodes = new LinkedHashMap<>();
    private final String taxonomy;
    private final String stamp;
    private final Map<String, Double> ruleConfidence = new LinkedHashMap<>();

    public MentionModel(ModelBundle bundle) {
        if (!KIND.equals(bundle.kind())) {
            throw new BundleException("model bundle " + bundle.name() + " is a " + bundle.kind() + ", not a " + KIND);
        }
        JsonNode m = bundle.manifest();
        if (!m.hasNonNull("taxonomy") || !m.path("nodes").isObject()) {
            throw new BundleException("model bundle " + bundle.name() + ": manifest.json needs 'taxonomy' and 'nodes'");
        }
        this.taxonomy = m.get("taxonomy").asText();
        this.stamp = bundle.stamp();
        m.path("ruleConfidence").fields().forEachRemaining(e -> ruleConfidence.put(e.getKey(), e.getValue().asDouble()));
        for (Iterator<Map.Entry<String, JsonNode>> it = m.get("nodes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getValue().path("file").asText();
            try {
                MaxentModel model = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bundle.file(file)))).getModel();
                if (model.getIndex(YES) < 0) throw new BundleException("model bundle " + bundle.name() + ": " + file + " has no '" + YES + "' outcome");
                nodes.put(e.getKey(), new NodeModel(model, e.getValue().path("threshold").asDouble(0.5)));
            } catch (IOException | RuntimeException ex) {
                if (ex instanceof BundleException b) throw b;
                throw new BundleException("model bundle " + bundle.name() + ": " + file + " is not a readable OpenNLP model: " + ex);
            }
        }
    }

    public String taxonomy() {
        return taxonomy;
    }

    public String stamp() {
        return stamp;
    }

    /** The measured precision of each rule kind on the training data, the calibrated confidence of its tags. */
    public Map<String, Double> ruleConfidence() {
        return Map.copyOf(ruleConfidence);
    }

    /**
     * @param node     the node the model found
     * @param evidence the item's words that pushed the decision most, strongest first (for the analyst)
     */
    public record Mention(String node, double probability, List<String> evidence) {
    }

    /** Nodes over their threshold, by probability. */
    public List<Mention> predict(String[] features) {
        List<Mention> out = new ArrayList<>();
        List<String> words = MentionFeatures.words(features);
        nodes.forEach((node, m) -> {
            double p = m.model.eval(features)[m.model.getIndex(YES)];
            if (p >= m.threshold) out.add(new Mention(node, p, strongestWords(m.model, words)));
        });
        out.sort(Comparator.comparingDouble(Mention::probability).reversed());
        return out;
    }

    /** The item's words that alone give the node the highest probability: the model's reasons, in words. */
    private static List<String> strongestWords(MaxentModel model, List<String> words) {
        int yes = model.getIndex(YES);
        double base = model.eval(new String[0])[yes];
        return words.stream().map(w -> Map.entry(w, model.eval(new String[]{w})[yes]))
                .filter(e -> e.getValue() > base).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(2).map(e -> e.getKey().substring(2)).toList();
    }
}
