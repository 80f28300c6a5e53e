package io.vocengine.engine.tag;

import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.taxonomy.Polarity;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A trained aspect-polarity classifier for one taxonomy: L2-regularised logistic regression (OpenNLP's
 * quasi-Newton maxent) over {@link AspectPolarityFeatures}, stacked on an {@link AspectPolarityNetwork} when its
 * manifest names one. Loaded once from a {@link ModelBundle}; OpenNLP's model evaluation only reads its parameters,
 * and the network is thread-safe, so one instance serves all threads.
 */
public final class AspectPolarityModel {
    public static final String KIND = "opennlp-maxent-qn/aspect-polarity";
    public static final String FILE = "model.bin";

    private final MaxentModel model;
    private final String taxonomy;
    private final String stamp;
    private final String clausePolarity;
    private final AspectPolarityNetwork network;

    public AspectPolarityModel(ModelBundle bundle) {
        if (!KIND.equals(bundle.kind())) {
            throw new BundleException("model bundle " + bundle.name() + " is a " + bundle.kind() + ", not a " + KIND);
        }
        if (!bundle.manifest().hasNonNull("taxonomy")) {
            throw new BundleException("model bundle " + bundle.name() + ": manifest.json names no taxonomy");
        }
        this.taxonomy = bundle.manifest().get("taxonomy").asText();
        this.stamp = bundle.stamp();
        this.clausePolarity = bundle.manifest().path("clausePolarity").asText(null);
        this.network = network(bundle);
        try {
            this.model = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bundle.file(FILE)))).getModel();
        } catch (IOException | RuntimeException e) {
            throw new BundleException("model bundle " + bundle.name() + ": " + FILE + " is not a readable OpenNLP model: " + e);
        }
        for (Polarity p : Polarity.values()) {
            if (model.getIndex(p.name()) < 0) {
                throw new BundleException("model bundle " + bundle.name() + " cannot predict " + p + "; labels: "
                        + model.getAllOutcomes(new double[model.getNumOutcomes()]));
            }
        }
    }

    /** The taxonomy id whose aspect tags this model scores. */
    public String taxonomy() {
        return taxonomy;
    }

    /**
     * The stamp ({@code polarity-cnn@version}) of the clause-polarity model this model's features were computed with,
     * or null when it reads none: a different version would feed it probabilities it was not trained on.
     */
    public String clausePolarity() {
        return clausePolarity;
    }

    /** The network whose reading of the review this model takes as features; null for none. */
    public AspectPolarityNetwork network() {
        return network;
    }

    /** {@code name@version}, written into the source of every tag whose polarity it decided. */
    public String stamp() {
        return stamp;
    }

    /**
     * The shipped network the manifest's {@code aspectNetwork} names: the very version the model was trained on, as
     * another would feed it probabilities it has never seen.
     */
    private static AspectPolarityNetwork network(ModelBundle bundle) {
        String wanted = bundle.manifest().path("aspectNetwork").asText(null);
        if (wanted == null) return null;
        AspectPolarityNetwork n = AspectPolarityNetwork.shipped(wanted.split("@", 2)[0]);
        if (!n.stamp().equals(wanted)) {
            throw new BundleException("model bundle " + bundle.name() + " was trained on the aspect network " + wanted
                    + ", but the engine ships " + n.stamp() + ": retrain it (voc train polarity)");
        }
        return n;
    }

    public record Prediction(Polarity polarity, double probability) {
    }

    public Prediction predict(String[] features) {
        double[] p = model.eval(features);
        String best = model.getBestOutcome(p);
        return new Prediction(Polarity.valueOf(best), p[model.getIndex(best)]);
    }
}
