package io.vocengine.engine.index;

import io.vocengine.engine.Engine;
import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Channel;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackIndexTest {
    private final Engine engine = TestEngines.shared();

    private static Feedback fb(String id, String text, Channel channel) {
        return new Feedback(id, text, channel, "test", Instant.parse("2025-03-04T10:00:00Z"), null, null, "SKU-1",
                null, "华东", 2.0, null, Map.of("domain", "ecommerce"));
    }

    private void index(Path dir, Feedback... items) throws IOException {
        try (FeedbackIndexWriter w = FeedbackIndexWriter.open(dir, engine.analyzer(), engine.segmenter(), false)) {
            for (Feedback f : items) w.add(engine.analyse(f));
            w.commit();
        }
    }

    @Test
    void searchRanksHighlightsInRawOffsetsAndCountsFacets(@TempDir Path dir) throws IOException {
        String emojiFirst = "😡😡ＯＫ？快递把盒子压扁了，包装破损严重";
        index(dir, fb("a", emojiFirst, Channel.COMPLAINT), fb("b", "物流很快，包装完好", Channel.REVIEW),
                fb("c", "客服态度太差了", Channel.COMPLAINT));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            SearchResult r = s.search(new SearchRequest("包装 破损", List.of(), List.of(), 10));
            assertEquals(1, r.totalHits());
            SearchResult.Hit hit = r.hits().get(0);
            assertEquals("a", hit.id());
            List<String> marked = hit.snippet().matches().stream()
                    .map(m -> emojiFirst.substring(m.start(), m.end())).toList();
            assertEquals(List.of("包装", "破损"), marked);
            assertTrue(hit.tags().stream().anyMatch(t -> t.startsWith("ecommerce.logistics.packaging.damaged|negative|")));

            SearchResult byTag = s.search(new SearchRequest("", List.of("ecommerce.logistics"), List.of(), 10));
            assertEquals(2, byTag.totalHits());
            SearchResult complaints = s.search(new SearchRequest("", List.of(), List.of("complaint"), 10));
            assertEquals(2, complaints.totalHits());
            assertTrue(complaints.facets().get("channel").contains(new SearchResult.FacetCount("complaint", 2)));
            assertTrue(complaints.facets().get("tag").stream().anyMatch(c -> c.label().equals("ecommerce")));
            assertTrue(complaints.facets().get("tag/ecommerce").containsAll(List.of(
                    new SearchResult.FacetCount("物流", 1), new SearchResult.FacetCount("客服", 1))),
                    complaints.facets().toString());
        }
    }

    @Test
    void reIngestingReplacesByIdInsteadOfDuplicating(@TempDir Path dir) throws IOException {
        index(dir, fb("a", "包装破损", Channel.REVIEW));
        index(dir, fb("a", "包装破损了", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(1, s.numDocs());
        }
    }

    @Test
    void fullWidthQueryFindsHalfWidthText(@TempDir Path dir) throws IOException {
        index(dir, fb("a", "iPhone 15 屏幕碎了", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(1, s.search(new SearchRequest("ＩＰＨＯＮＥ", List.of(), List.of(), 5)).totalHits());
            assertEquals(1, s.search(new SearchRequest("屏幕!", List.of(), List.of(), 5)).totalHits());
        }
    }

    @Test
    void missingOrCorruptIndexGivesAClearMessage(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> FeedbackSearcher.open(dir.resolve("none"), engine.analyzer()));
        assertTrue(missing.getMessage().contains("voc ingest"), missing.getMessage());
        Path corrupt = dir.resolve("corrupt");
        index(corrupt, fb("a", "包装破损", Channel.REVIEW));
        try (var files = Files.list(corrupt)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(p, new byte[]{1, 2, 3});
            }
        }
        IOException e = assertThrows(IOException.class, () -> FeedbackSearcher.open(corrupt, engine.analyzer()));
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void personalDataIsNeverShownButHighlightsStillLineUp(@TempDir Path dir) throws IOException {
        index(dir, fb("p", "快递员电话13812345678，包装破损", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            // The query is masked like the text (⟨PHONE⟩), so it finds texts that hold a phone number, never shown.
            for (SearchResult.Hit h : s.search(new SearchRequest("13812345678", List.of(), List.of(), 5)).hits()) {
                assertFalse(h.snippet().text().contains("1381234"), h.snippet().text());
            }
            SearchResult.Snippet snippet = s.search(new SearchRequest("包装", List.of(), List.of(), 5)).hits().get(0).snippet();
            assertEquals("快递员电话***********，包装破损", snippet.text());
            Span m = snippet.matches().get(0);
            assertEquals("包装", snippet.text().substring(m.start() - snippet.start(), m.end() - snippet.start()));
        }
    }

    @Test
    void spanOfHighlightIsUtf16(@TempDir Path dir) throws IOException {
        index(dir, fb("e", "👍包装破损", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            Span m = s.search(new SearchRequest("包装", List.of(), List.of(), 1)).hits().get(0).snippet().matches().get(0);
            assertEquals(new Span(2, 4), m);
        }
    }

    @Test
    void partsOfWordsAreFoundAndWholeWordsRankFirst(@TempDir Path dir) throws IOException {
        index(dir, fb("compound", "包装破损严重", Channel.REVIEW), fb("char", "屏幕碎了", Channel.REVIEW),
                fb("word", "碎", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(1, s.search(new SearchRequest("包装", List.of(), List.of(), 5)).totalHits());
            SearchResult r = s.search(new SearchRequest("碎", List.of(), List.of(), 5));
            assertEquals(2, r.totalHits());
        }
    }

    @Test
    void phraseQueriesMatchCompoundsAndSeparateWordsAlike(@TempDir Path dir) throws IOException {
        index(dir, fb("compound", "包装破损严重", Channel.REVIEW), fb("apart", "包装 破损", Channel.REVIEW),
                fb("other", "破损的包装", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(2, s.search(new SearchRequest("\"包装破损\"", List.of(), List.of(), 5)).totalHits());
            assertEquals(3, s.search(new SearchRequest("包装破损", List.of(), List.of(), 5)).totalHits());
        }
    }

    @Test
    void oddQueriesAreLiteralNotErrors(@TempDir Path dir) throws IOException {
        index(dir, fb("a", "物流 AND 包装都不错", Channel.REVIEW), fb("b", "快递很快", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(2, s.search(new SearchRequest("*", List.of(), List.of(), 5)).totalHits());
            for (String q : List.of("AND", "OR 包装", "\"", "包装)", "[")) {
                s.search(new SearchRequest(q, List.of(), List.of(), 5));
            }
            assertEquals(1, s.search(new SearchRequest("AND", List.of(), List.of(), 5)).totalHits());
        }
    }

    @Test
    void overlongWordsAreSkippedNotFatal(@TempDir Path dir) throws IOException {
        index(dir, fb("junk", "ж".repeat(19_000) + " 包装破损", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(1, s.search(new SearchRequest("包装", List.of(), List.of(), 5)).totalHits());
        }
    }
}
