package io.vocengine.engine.tag;

import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.onnx.OnnxTextModel;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.segment.Segmenter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The features an aspect-polarity model reads for one tag: the words of the clauses that hold the tag's evidence
 * (a negated word is marked, 不 好 → !好), the lexicon's verdict on those clauses and on the whole text, the
 * clause's connective (但是, 虽然), the node, and, when a clause-polarity model is given, that ONNX model's
 * probability that those clauses are positive, in five bands: it has read 62,000 reviews, where the aspect data
 * has 1,000, so it knows words the lexicon and the small training set do not. When an aspect network's reading of
 * the review is given, its verdict on the tag's aspect too: it reads the whole review, where the rest sees the
 * tag's clauses. Training and tagging call this same code, so the model always sees what it was trained on. Per
 * item, not shared: build one per analysed item.
 */
public final class AspectPolarityFeatures {
    /** The network's polarity verdicts as features: negative, neutral, positive. */
    private static final String[] NETWORK_LABELS = {"-", "0", "+"};

    private final List<Token> tokens;
    private final WordBoundaries words;
    private final List<Clause> clauses;
    private final List<Span> clausesInRaw = new ArrayList<>();
    private final int[] clauseScores;
    private final String documentSign;
    private final OnnxTextModel clausePolarity;
    private final CleanText clean;
    private final AspectPolarityNetwork.Reading reading;
    private float[][] clausePositive; // per clause [negative, positive]; scored in one call on first need

    /**
     * @param item           an analysis with CLEAN, TOKENS and CLAUSES
     * @param clausePolarity the document-polarity model applied to each clause; null for none
     * @param reading        the aspect network's reading of the item; null for none
     */
    public AspectPolarityFeatures(Analysis item, Segmenter segmenter, OnnxTextModel clausePolarity,
                                  AspectPolarityNetwork.Reading reading) {
        CleanText clean = item.clean();
        this.clean = clean;
        this.clausePolarity = clausePolarity;
        this.reading = reading;
        this.tokens = item.tokens();
        this.clauses = item.clauses();
        this.words = new WordBoundaries(clean.text(), tokens, clauses, segmenter);
        for (Clause c : clauses) clausesInRaw.add(clean.toRaw(c.start(), c.end()));
        PolarityLexicon lexicon = PolarityLexicon.shipped();
        this.clauseScores = lexicon.clauseScores(words);
        int positive = 0, negative = 0;
        for (int s : clauseScores) {
            if (s > 0) positive++;
            else if (s < 0) negative++;
        }
        this.documentSign = positive > 0 && negative > 0 ? (positive > negative ? "mixed+" : negative > positive ? "mixed-" : "mixed")
                : positive > 0 ? "+" : negative > 0 ? "-" : "0";
    }

    public String[] of(Tag tag) {
        Set<Integer> context = new LinkedHashSet<>();
        for (Span e : tag.evidence()) {
            for (int c = 0; c < clausesInRaw.size(); c++) {
                Span r = clausesInRaw.get(c);
                if (e.start() < r.end() && r.start() < e.end()) context.add(c);
            }
        }
        Set<String> f = new LinkedHashSet<>();
        String node = tag.nodeId();
        f.add("n=" + node);
        f.add("doc=" + documentSign);
        int score = 0;
        for (int c : context) {
            score += clauseScores[c];
            Clause clause = clauses.get(c);
            if (!clause.connective().isEmpty()) f.add("conn=" + clause.connective());
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < clause.start() || t.end() > clause.end() || t.isPunctuation()) continue;
                f.add("w=" + (Negation.isNegated(words, i) ? "!" : "") + t.text());
            }
        }
        String sign = score > 0 ? "+" : score < 0 ? "-" : "0";
        f.add("lex=" + sign);
        f.add("n|lex=" + node + "|" + sign);
        f.add("lex|doc=" + sign + "|" + documentSign);
        if (clausePolarity != null && !context.isEmpty()) {
            if (clausePositive == null) {
                clausePositive = clausePolarity.predict(clauses.stream().map(c -> clean.text().substring(c.start(), c.end())).toList());
            }
            double positive = 0;
            for (int c : context) positive += clausePositive[c][1];
            String band = String.valueOf(Math.min(4, (int) (positive / context.size() * 5)));
            f.add("cnn=" + band);
            f.add("n|cnn=" + node + "|" + band);
            f.add("lex|cnn=" + sign + "|" + band);
        }
        float[] network = reading == null ? null : reading.polarity(node);
        if (network != null) {
            int best = network[0] >= network[1] && network[0] >= network[2] ? 0 : network[1] >= network[2] ? 1 : 2;
            String label = NETWORK_LABELS[best];
            f.add("net=" + label + (network[best] >= 0.8 ? "!" : network[best] >= 0.55 ? "" : "?"));
            f.add("n|net=" + node + "|" + label);
            f.add("lex|net=" + sign + "|" + label);
            for (int k = 0; k < 3; k++) f.add("net" + NETWORK_LABELS[k] + "=" + Math.min(4, (int) (network[k] * 5)));
        }
        return f.toArray(String[]::new);
    }
}
