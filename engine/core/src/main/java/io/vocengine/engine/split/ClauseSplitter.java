package io.vocengine.engine.split;

import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.ClauseConnectives;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a cleaned text into sentences and clauses over its words. Sentences end at 。！？；… and line breaks;
 * clauses also end at ，、： and emoji, and a new clause starts at a contrast word (物流快|但是客服差) or, at the
 * start of a clause, a concession (虽然, 除了). Working on tokens, not characters, keeps 但 in 但是 and 不过 in
 * 再好不过 from splitting words. Stateless and thread-safe.
 */
public final class ClauseSplitter implements Stage<List<Clause>> {
    private static final String SENTENCE_ENDS = "。！？!?；;…~～";
    private static final String CLAUSE_ENDS = "，,、：:";
    /** Tokens before which 不过 is a degree word (再好不过, 最好不过), not a contrast. */
    private static final Set<String> DEGREE_BEFORE_BUGUO = Set.of("再", "最", "好", "再好", "最好", "太好");
    private static final Set<String> EXCEPTION_ENDS = Set.of("都", "也", "其他", "其它", "其余", "别的", "之外", "以外");

    @Override
    public String name() {
        return "split";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN, Keys.TOKENS);
    }

    @Override
    public Key<List<Clause>> output() {
        return Keys.CLAUSES;
    }

    @Override
    public List<Clause> process(Analysis item) {
        return split(item.clean().text(), item.tokens());
    }

    public List<Clause> split(String text, List<Token> tokens) {
        List<Clause> clauses = new ArrayList<>();
        int sentence = 0;
        int start = -1; // start of the open clause, -1 when none is open
        int end = 0;
        String connective = "";
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && text.substring(tokens.get(i - 1).end(), t.start()).indexOf('\n') >= 0) {
                if (start >= 0) clauses.add(new Clause(start, end, sentence, connective));
                start = -1;
                if (!clauses.isEmpty() && clauses.getLast().sentence() == sentence) sentence++;
            }
            if (start >= 0 && (opensClause(t, tokens.get(i - 1)) || endsException(connective, t))) {
                clauses.add(new Clause(start, end, sentence, connective));
                start = -1;
            }
            if (start < 0) {
                if (t.isPunctuation() && (ends(t, SENTENCE_ENDS) || ends(t, CLAUSE_ENDS))) continue; // leading marks
                start = t.start();
                connective = connectiveOpening(t);
            }
            end = t.end();
            if (!t.isPunctuation()) continue;
            boolean sentenceEnd = ends(t, SENTENCE_ENDS);
            if (sentenceEnd || ends(t, CLAUSE_ENDS) || isEmoji(t)) {
                clauses.add(new Clause(start, end, sentence, connective));
                if (sentenceEnd) sentence++;
                start = -1;
            }
        }
        if (start >= 0) clauses.add(new Clause(start, end, sentence, connective));
        return List.copyOf(clauses);
    }

    /** In 除了包装都很好, 都 ends the exception: the praise that follows is not about 包装. */
    private static boolean endsException(String connective, Token t) {
        return connective.equals("除了") && EXCEPTION_ENDS.contains(t.text());
    }

    /** A contrast word in mid-clause starts a new clause, except the adverbs that connect only clause-first. */
    private static boolean opensClause(Token t, Token previous) {
        if (!ClauseConnectives.CONTRAST.contains(t.text()) || ClauseConnectives.CONTRAST_ONLY_FIRST.contains(t.text())) {
            return false;
        }
        return !(t.text().equals("不过") && DEGREE_BEFORE_BUGUO.contains(previous.text()));
    }

    private static String connectiveOpening(Token first) {
        String w = first.text();
        return ClauseConnectives.CONTRAST.contains(w) || ClauseConnectives.CONCESSION.contains(w) ? w : "";
    }

    private static boolean ends(Token t, String marks) {
        for (int i = 0; i < t.text().length(); i++) if (marks.indexOf(t.text().charAt(i)) >= 0) return true;
        return false;
    }

    private static boolean isEmoji(Token t) {
        return t.text().codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL);
    }
}
