package io.vocengine.deep;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import io.vocengine.engine.deps.DependencyParser;
import io.vocengine.engine.model.Arc;
import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP's Chinese part-of-speech tagger and neural dependency parser (UD), fed the pipeline's HanLP
 * tokens one sentence per line, so CoreNLP's own 330 MB segmenter is never loaded. Symbol and emoji tokens are left
 * out (CoreNLP has crashed on emoji, #490). The models load once, on first use (about 6 s). CoreNLP's annotators
 * are not documented as thread-safe, so calls are serialised: deep mode trades speed for its parse.
 */
public final class CoreNlpDependencyParser implements DependencyParser {
    private static final class Pipeline {
        static final StanfordCoreNLP INSTANCE = build();

        private static StanfordCoreNLP build() {
            Properties p = new Properties();
            p.setProperty("annotators", "tokenize,ssplit,pos,depparse");
            p.setProperty("tokenize.language", "zh");
            p.setProperty("tokenize.whitespace", "true");
            p.setProperty("ssplit.eolonly", "true");
            p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/chinese-distsim.tagger");
            p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/UD_Chinese.gz");
            p.setProperty("depparse.language", "chinese");
            return new StanfordCoreNLP(p);
        }
    }

    @Override
    public List<Arc> parse(List<Token> tokens, List<Clause> clauses) {
        List<List<Integer>> sentences = sentences(tokens, clauses);
        if (sentences.isEmpty()) return List.of();
        StringBuilder text = new StringBuilder();
        for (List<Integer> s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) text.append(' ');
                text.append(tokens.get(s.get(i)).text().replaceAll("\\s", "_"));
            }
            text.append('\n');
        }
        Annotation doc = new Annotation(text.toString());
        synchronized (Pipeline.INSTANCE) {
            Pipeline.INSTANCE.annotate(doc);
        }
        List<Arc> arcs = new ArrayList<>();
        List<CoreMap> parsed = doc.get(CoreAnnotations.SentencesAnnotation.class);
        for (int si = 0; si < parsed.size() && si < sentences.size(); si++) {
            List<Integer> indexOf = sentences.get(si);
            SemanticGraph g = parsed.get(si).get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (g == null) continue;
            for (SemanticGraphEdge e : g.edgeListSorted()) {
                int head = e.getGovernor().index() - 1, dependent = e.getDependent().index() - 1;
                if (head < 0 || dependent < 0 || head >= indexOf.size() || dependent >= indexOf.size()) continue;
                arcs.add(new Arc(indexOf.get(head), indexOf.get(dependent), e.getRelation().toString()));
            }
        }
        return arcs;
    }

    /** Token indices per sentence, leaving out symbols and emoji. */
    private static List<List<Integer>> sentences(List<Token> tokens, List<Clause> clauses) {
        List<List<Integer>> out = new ArrayList<>();
        int sentence = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                    || Character.isSupplementaryCodePoint(cp))) continue;
            int s = sentenceOf(t, clauses);
            if (s != sentence || out.isEmpty()) {
                out.add(new ArrayList<>());
                sentence = s;
            }
            out.getLast().add(i);
        }
        return out;
    }

    private static int sentenceOf(Token t, List<Clause> clauses) {
        for (Clause c : clauses) if (t.start() >= c.start() && t.start() < c.end()) return c.sentence();
        return -1;
    }
}
