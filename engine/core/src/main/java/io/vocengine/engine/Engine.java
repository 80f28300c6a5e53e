package io.vocengine.engine;

import io.vocengine.engine.clean.CleanStage;
import io.vocengine.engine.index.SearchTerm;
import io.vocengine.engine.index.SearchTerms;
import io.vocengine.engine.index.VocAnalyzer;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.deps.DependencyParser;
import io.vocengine.engine.deps.DependencyStage;
import io.vocengine.engine.emotion.EmotionStage;
import io.vocengine.engine.emotion.RiskTaxonomy;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Outcome;
import io.vocengine.engine.pipeline.Pipeline;
import io.vocengine.engine.pipeline.StageTimes;
import io.vocengine.engine.segment.SegmentStage;
import io.vocengine.engine.split.ClauseSplitter;
import io.vocengine.engine.segment.Segmenter;
import io.vocengine.engine.tag.AspectPolarityStage;
import io.vocengine.engine.tag.MentionModel;
import io.vocengine.engine.tag.MentionModelStage;
import io.vocengine.engine.tag.RuleTagger;
import io.vocengine.engine.tag.TaxonomyExamples;
import io.vocengine.taxonomy.Taxonomy;

import java.util.List;
import java.util.stream.Stream;

/**
 * The analysis engine: the one place where the pipeline is composed.
 * <pre>
 *   Feedback ─▶ clean ─▶ segment ─▶ split ─▶ tag ─▶ mentions ─▶ aspect polarity ─▶ risks ─▶ emotion ─▶ Analysis
 * </pre>
 * Resources (HanLP dictionaries, compiled taxonomies, lexicons) are loaded once here and shared read-only by every
 * stage. Thread-safe: {@link #analyse} may be called from any number of threads.
 */
public final class Engine {
    private final Pipeline pipeline;
    private final CleanStage cleaner;
    private final Segmenter segmenter;
    private final List<String> taxonomyVersions;
    private final List<Taxonomy> taxonomies;
    private final VocAnalyzer analyzer;
    private final List<String> emotionLabels;

    private Engine(EngineConfig config) {
        this.cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), config.maxChars());
        this.segmenter = new Segmenter(RuleTagger.domainWords(withRisks(config.taxonomies())));
        Pipeline.Builder chain = Pipeline.builder()
                .add(cleaner)
                .add(new SegmentStage(segmenter))
                .add(new ClauseSplitter());
        if (config.deep()) {
            chain.add(new DependencyStage(DependencyParser.installed().orElseThrow(() -> new IllegalStateException(
                    "deep mode needs the engine/deep module (Stanford CoreNLP) on the class path"))));
        }
        chain
                .add(new RuleTagger(config.taxonomies(), segmenter, config.mentionModels().stream()
                        .collect(java.util.stream.Collectors.toMap(MentionModel::taxonomy, MentionModel::ruleConfidence))))
                .add(new MentionModelStage(config.taxonomies(), config.mentionModels()))
                .add(new AspectPolarityStage(config.taxonomies(), config.polarityModels(), segmenter,
                        config.emotionModels() == null ? null : config.emotionModels().polarity()))
                .add(RiskTaxonomy.tagger(segmenter));
        if (config.emotionModels() != null) chain.add(new EmotionStage(config.emotionModels()));
        this.pipeline = chain.build();
        this.taxonomies = config.taxonomies();
        this.emotionLabels = config.emotionModels() == null ? List.of() : config.emotionModels().emotion().labels();
        this.taxonomyVersions = taxonomies.stream().map(Taxonomy::version).toList();
        this.analyzer = new VocAnalyzer(this::searchTerms);
    }

    /**
     * Builds the engine and runs every taxonomy's node examples through it. Deep mode is measured, not held to the
     * examples: its stricter pairing (only parse-linked words) is the point of comparing it.
     *
     * @throws io.vocengine.taxonomy.TaxonomyException naming file, line and node of each failing example
     */
    public static Engine create(EngineConfig config) {
        Engine engine = new Engine(config);
        if (!config.deep()) {
            for (Taxonomy t : config.taxonomies()) TaxonomyExamples.require(engine, t, Keys.TAGS);
            TaxonomyExamples.require(engine, RiskTaxonomy.shipped(), Keys.RISKS);
        }
        return engine;
    }

    private static List<Taxonomy> withRisks(List<Taxonomy> taxonomies) {
        List<Taxonomy> all = new java.util.ArrayList<>(taxonomies);
        all.add(RiskTaxonomy.shipped());
        return all;
    }

    /**
     * @throws io.vocengine.engine.pipeline.StageException when a stage fails on this item
     */
    public Analysis analyse(Feedback feedback) {
        return pipeline.process(feedback);
    }

    /**
     * Analyses a batch stage by stage, so the ONNX models score it in one call each (throughput for ingest and
     * tagging runs). A failing item gets its error; the others are unaffected.
     */
    public List<Outcome> analyseAll(List<Feedback> batch) {
        return pipeline.processAll(batch);
    }

    /** As {@link #analyse(Feedback)}, timing each stage (benchmarks). */
    public Analysis analyse(Feedback feedback, StageTimes times) {
        return pipeline.process(feedback, times);
    }

    /** Cleans one raw text exactly as the pipeline does (for benchmarks and tools). */
    public CleanText clean(String raw) {
        return cleaner.clean(raw);
    }

    /** Query terms of arbitrary text, through the same cleaning and segmentation as documents. */
    public List<SearchTerm> searchTerms(String text) {
        CleanText clean = cleaner.clean(text);
        return SearchTerms.forQuery(clean, segmenter.segment(clean.text()), segmenter);
    }

    /** The Lucene analyzer for queries against indexes this engine wrote. */
    public VocAnalyzer analyzer() {
        return analyzer;
    }

    /** The shared, read-only segmenter (the index writer uses it to split compounds). */
    public Segmenter segmenter() {
        return segmenter;
    }

    /** The loaded taxonomy with this id. */
    /** The ids of the loaded domain taxonomies (metadata.domain routes to one of them). */
    public List<String> taxonomyIds() {
        return taxonomies.stream().map(Taxonomy::id).toList();
    }

    public Taxonomy taxonomy(String id) {
        return taxonomies.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("taxonomy '" + id + "' is not loaded"));
    }

    /** True when the id names a loaded taxonomy (the risk one included) or one of its nodes. */
    public boolean knowsNode(String nodeId) {
        return Stream.concat(Stream.of(RiskTaxonomy.shipped()), taxonomies.stream())
                .anyMatch(t -> t.id().equals(nodeId) || t.nodes().containsKey(nodeId));
    }

    /** The emotion ids results carry; empty for an engine without the emotion models. */
    public List<String> emotionLabels() {
        return emotionLabels;
    }

    public List<String> taxonomyVersions() {
        return taxonomyVersions;
    }

}
