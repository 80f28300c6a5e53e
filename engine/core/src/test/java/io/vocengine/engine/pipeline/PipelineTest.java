package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** A label stage that counts its batch calls, as a model stage scoring a whole batch at once would. */
    private record BatchLabelStage(AtomicInteger batchCalls) implements Stage<String> {
        public String name() { return "label"; }
        public Set<Key<?>> inputs() { return Set.of(LENGTH); }
        public Key<String> output() { return LABEL; }
        public String process(Analysis item) { return item.get(LENGTH) > 3 ? "long" : "short"; }

        @Override
        public List<String> processBatch(List<Analysis> items) {
            batchCalls.incrementAndGet();
            return items.stream().map(this::process).toList();
        }
    }

    @Test
    void aBatchRunsStageByStageAndAFailingItemLeavesOnlyItself() {
        AtomicInteger batchCalls = new AtomicInteger();
        Pipeline p = Pipeline.builder().add(new LengthStage()).add(new BatchLabelStage(batchCalls)).build();
        List<Outcome> out = p.processAll(List.of(Feedback.of("1", "包装破损了"), Feedback.of("2", "boom"), Feedback.of("3", "好")));
        assertEquals(3, out.size());
        assertEquals("long", out.get(0).analysis().get(LABEL));
        assertNull(out.get(1).analysis());
        assertEquals("length", out.get(1).error().stage());
        assertTrue(out.get(1).error().message().contains("cannot measure boom"));
        assertEquals("short", out.get(2).analysis().get(LABEL));
        assertEquals(1, batchCalls.get(), "the two surviving items are labelled in one batch call");
    }

    @Test
    void whenABatchCallThrowsTheItemsRunOneByOneSoOnlyTheBadOneFails() {
        // LengthStage's default processBatch throws on "boom": the pipeline retries item by item.
        Pipeline p = Pipeline.builder().add(new LengthStage()).add(new LabelStage()).build();
        List<Outcome> out = p.processAll(List.of(Feedback.of("1", "boom"), Feedback.of("2", "很好吃的")));
        assertEquals(ErrorCode.STAGE_FAILED, out.get(0).error().code());
        assertEquals("long", out.get(1).analysis().get(LABEL));
        assertTrue(p.processAll(List.of()).isEmpty());
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
