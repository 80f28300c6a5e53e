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
 * quasi-Newton maxent) over {@link AspectPolarityFeatures}. Loaded once from a {@link ModelBundle}; OpenNLP's model
 * evaluation only reads its parameters, so one instance serves all threads.
 */
public final class AspectPolarityModel {
    public static final String KIND = "opennlp-maxent-qn/aspect-polarity";
    public static final String FILE = "model.bin";

    private final MaxentModel model;
    private final String taxonomy;
    private final String stamp;
    private final String clausePolarity;

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

    /** {@code name@version}, written into the source of every tag whose polarity it decided. */
    public String stamp() {
        return stamp;
    }

    public record Prediction(Polarity polarity, double probability) {
    }

    public Prediction predict(String[] features) {
        double[] p = model.eval(features);
        String best = model.getBestOutcome(p);
        return new Prediction(Polarity.valueOf(best), p[model.getIndex(best)]);
    }
}
