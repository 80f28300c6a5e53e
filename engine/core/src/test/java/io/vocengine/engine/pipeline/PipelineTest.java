package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    private static final Key<Integer> LENGTH = Key.of("length");
    private static final Key<String> LABEL = Key.of("label");

    private record LengthStage() implements Stage<Integer> {
        public String name() { return "length"; }
        public Set<Key<?>> inputs() { return Set.of(); }
        public Key<Integer> output() { return LENGTH; }
        public Integer process(Analysis item) {
            if (item.feedback().text().equals("boom")) throw new IllegalStateException("cannot measure boom");
            return item.feedback().text().length();
        }
    }

    private record LabelStage() implements Stage<String> {
        public String name() { return "label"; }
        public Set<Key<?>> inputs() { return Set.of(LENGTH); }
        public Key<String> output() { return LABEL; }
        public String process(Analysis item) { return item.get(LENGTH) > 3 ? "long" : "short"; }
    }

    @Test
    void stagesSeeEarlierOutputs() {
        Pipeline p = Pipeline.builder().add(new LengthStage()).add(new LabelStage()).build();
        Analysis a = p.process(Feedback.of("1", "包装破损了"));
        assertEquals(5, a.get(LENGTH));
        assertEquals("long", a.get(LABEL));
    }

    @Test
    void misorderedChainFailsWhenBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pipeline.builder().add(new LabelStage()).add(new LengthStage()).build());
        assertTrue(e.getMessage().contains("stage 'label' needs 'length'"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> Pipeline.builder().add(new LengthStage()).add(new LengthStage()).build());
    }

    @Test
    void aThrowingStageBecomesACodedItemError() {
        Pipeline p = Pipeline.builder().add(new LengthStage()).build();
        StageException e = assertThrows(StageException.class, () -> p.process(Feedback.of("x", "boom")));
        assertEquals(ErrorCode.STAGE_FAILED, e.error().code());
        assertEquals("length", e.error().stage());
        assertTrue(e.error().message().contains("cannot measure boom"));
    }

    @Test
    void analysisIsImmutable() {
        Analysis a = Analysis.of(Feedback.of("1", "x"));
        Analysis b = a.with(LENGTH, 1);
        assertTrue(!a.has(LENGTH) && b.has(LENGTH));
        assertThrows(IllegalStateException.class, () -> b.with(LENGTH, 2));
    }
}
