package io.vocengine.engine.split;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.Analysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClauseSplitterTest {
    private static Analysis analyse(String text) {
        return TestEngines.shared().analyse(new Feedback("t", text, null, null, null, null, null, null, null, null, null,
                null, Map.of()));
    }

    /** Each clause as its raw text, with "|connective" when one opens it, and "/" between sentences. */
    private static String render(String raw) {
        Analysis a = analyse(raw);
        StringBuilder sb = new StringBuilder();
        int sentence = 0;
        for (Clause c : a.clauses()) {
            if (!sb.isEmpty()) sb.append(c.sentence() == sentence ? " " : " / ");
            sentence = c.sentence();
            sb.append(a.clean().toRaw(c.start(), c.end()).of(raw));
            if (!c.connective().isEmpty()) sb.append('|').append(c.connective());
        }
        return sb.toString();
    }

    @Test
    void punctuationEndsClausesAndSentences() {
        assertEquals("物流很快， 包装也好。 / 客服差！", render("物流很快，包装也好。客服差！"));
    }

    @Test
    void contrastWordOpensAClauseEvenWithoutAComma() {
        assertEquals("物流快 但是客服差|但是", render("物流快但是客服差"));
        // 却 stays inside its clause: it stands between a subject and its predicate.
        assertEquals("外观很好看， 内饰却很难看", render("外观很好看，内饰却很难看"));
    }

    @Test
    void clauseFirstAdverbsAndConcessionsAreConnectivesOnlyThere() {
        assertEquals("屏幕就是好", render("屏幕就是好"));
        assertEquals("东西不错， 就是物流慢|就是", render("东西不错，就是物流慢"));
        assertEquals("除了包装，|除了 都挺好", render("除了包装，都挺好"));
        assertEquals("除了包装|除了 都很好", render("除了包装都很好"));
        assertTrue(render("虽然贵， 但是好用").startsWith("虽然贵"), render("虽然贵，但是好用"));
    }

    @Test
    void degreeBuguoIsNotAContrast() {
        assertEquals("这个价格再好不过了", render("这个价格再好不过了"));
    }

    @Test
    void lineBreaksAndEmojiBoundClausesAndClausesPointIntoTheRawText() {
        String raw = "屏幕碎了😡\n客服不理人";
        assertEquals("屏幕碎了😡 / 客服不理人", render(raw));
        assertEquals("", render("。。。"));
        assertEquals("", render(""));
    }
}
