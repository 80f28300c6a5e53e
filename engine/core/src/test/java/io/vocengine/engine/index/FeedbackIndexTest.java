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
    void risksAndEmotionsAreFilterableFacetedAndSortableBySeverity(@TempDir Path dir) throws IOException {
        index(dir, fb("calm", "物流很快，包装完好", Channel.REVIEW), fb("mild", "有点小贵", Channel.REVIEW),
                fb("fire", "充电时电池鼓包冒烟了，再不处理就打12315", Channel.COMPLAINT),
                fb("churn", "我发誓再也不买你们家东西了", Channel.COMPLAINT));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            SearchResult all = s.search(new SearchRequest("", List.of(), List.of(), List.of(), 10, true));
            assertEquals(List.of("fire", "churn"), all.hits().subList(0, 2).stream().map(SearchResult.Hit::id).toList(),
                    "most severe first");
            for (int i = 1; i < all.hits().size(); i++) {
                assertTrue(all.hits().get(i - 1).severity() >= all.hits().get(i).severity(), all.hits().toString());
            }
            assertTrue(all.facets().get("tag/risk").containsAll(List.of(new SearchResult.FacetCount("安全", 1),
                    new SearchResult.FacetCount("流失威胁", 1), new SearchResult.FacetCount("监管与媒体", 1))), all.facets().toString());
            assertEquals(4, all.facets().get("sentiment").stream().mapToLong(SearchResult.FacetCount::count).sum());
            assertEquals(4, all.facets().get("intensity").stream().mapToLong(SearchResult.FacetCount::count).sum());

            assertEquals(List.of("fire"), s.search(new SearchRequest("", List.of("risk.safety"), List.of(), 10)).hits().stream()
                    .map(SearchResult.Hit::id).toList());
            String primary = all.hits().get(0).emotion();
            SearchResult felt = s.search(new SearchRequest("", List.of(), List.of(), List.of(primary), 10, false));
            assertTrue(felt.hits().stream().anyMatch(h -> h.id().equals("fire")), primary + ": " + felt.hits());
            assertTrue(felt.facets().get("emotion").stream().anyMatch(c -> c.label().equals(primary)), felt.facets().toString());
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
            // A bare taxonomy id, as the tag facet's first level shows it, matches everything tagged in that taxonomy.
            assertEquals(3, s.search(new SearchRequest("", List.of("ecommerce"), List.of(), 10)).totalHits());
            assertTrue(engine.knowsNode("ecommerce") && engine.knowsNode("risk") && !engine.knowsNode("ecommerc"));
            SearchResult complaints = s.search(new SearchRequest("", List.of(), List.of("complaint"), 10));
            assertEquals(2, complaints.totalHits());
            assertTrue(complaints.facets().get("channel").contains(new SearchResult.FacetCount("complaint", 2)));
            assertTrue(complaints.facets().get("tag").stream().anyMatch(c -> c.label().equals("ecommerce")));
            assertTrue(complaints.facets().get("tag/ecommerce").containsAll(List.of(
                    new SearchResult.FacetCount("物流", 1), new SearchResult.FacetCount("客服", 1))),
                    complaints.facets().toString());
        }
    }

    /** A hit shows a passage; it says so, so that a reader does not take 在吗？ for the whole complaint. */
    @Test
    void aPassageKnowsItIsPartOfALongerText(@TempDir Path dir) throws IOException {
        String raw = "在吗？" + "客服态度太差了，问了三遍都没人回。".repeat(12);
        index(dir, fb("long", raw, Channel.COMPLAINT), fb("short", "客服态度太差了", Channel.COMPLAINT));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            for (String words : List.of("", "*", "-物流")) { // no words to mark: the opening, not the first sentence
                for (SearchResult.Hit h : s.search(new SearchRequest(words, List.of("ecommerce"), List.of(), 10)).hits()) {
                    SearchResult.Snippet snippet = h.snippet();
                    assertEquals(h.id().equals("long") ? raw.length() : 7, snippet.textLength(), h.toString());
                    assertEquals(h.id().equals("long"), snippet.isPart(), h.toString());
                    assertTrue(snippet.text().length() > 3, words + ": " + h); // more than 在吗？
                }
            }
        }
    }

    /** Words from a review are text: ~, : and AND are not Lucene operators unless written as the explicit forms. */
    @Test
    void queriesAreTakenLiterallyWithThreeExplicitForms(@TempDir Path dir) throws IOException {
        index(dir, fb("tilde", "包装很严实~", Channel.REVIEW), fb("colon", "包装:破损了", Channel.COMPLAINT),
                fb("plain", "物流很快", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(List.of("tilde"), ids(s, "包装很严实~"));
            assertEquals(List.of("colon"), ids(s, "包装:破损"));
            assertEquals(2, s.search(new SearchRequest("包装 AND", List.of(), List.of(), 10)).totalHits());
            assertEquals(List.of("plain"), ids(s, "-包装"));
            assertEquals(List.of("plain"), ids(s, "物流 NOT 包装"));
            assertEquals(3, s.search(new SearchRequest("包装 OR 物流", List.of(), List.of(), 10)).totalHits());
            assertEquals(List.of("colon"), ids(s, "\"包装 破损\""));
            assertEquals(List.of("plain"), ids(s, "物流\u3000-包装")); // an IME's full-width space
            assertEquals(List.of("plain"), ids(s, "物流 NOT OR")); // NOT before an operator word: both dropped
        }
        assertEquals("包装\\~ \"a b\" -c or\\:", FeedbackSearcher.literal("包装~ \"a b\" -c or:"));
        assertEquals("a\\\" b", FeedbackSearcher.literal("a\" b")); // an unbalanced quote is a character
    }

    private static List<String> ids(FeedbackSearcher s, String query) throws IOException {
        return s.search(new SearchRequest(query, List.of(), List.of(), 10)).hits().stream().map(SearchResult.Hit::id).sorted().toList();
    }

    @Test
    void hostileQueriesGetAnswersOrAClearError(@TempDir Path dir) throws IOException {
        String tail = "其他都还好。".repeat(2_000) + "就是屏幕有划痕"; // past the highlighter's default 10,000 characters
        index(dir, fb("long", tail, Channel.REVIEW), fb("phone", "请打13812345678联系我，物流太慢", Channel.COMPLAINT));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            SearchResult.Hit hit = s.search(new SearchRequest("屏幕 划痕", List.of(), List.of(), 10)).hits().get(0);
            assertEquals(tail.length(), hit.snippet().textLength());
            assertEquals(List.of("屏幕", "划痕"), hit.snippet().matches().stream().map(m -> tail.substring(m.start(), m.end())).toList());
            // Personal data is masked in the index; a number in the query must not match every masked number.
            assertEquals(0, s.search(new SearchRequest("13900000000", List.of(), List.of(), 10)).totalHits());
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> s.search(new SearchRequest("包装 ".repeat(1_500), List.of(), List.of(), 10)));
            assertTrue(tooLong.getMessage().contains("too many words"), tooLong.getMessage());
        }
    }

    /** A word of Latin and Han (SIM卡, 5G手机) is found by either part, as analysts type them. */
    @Test
    void eitherScriptOfAMixedWordFindsIt(@TempDir Path dir) throws IOException {
        index(dir, fb("sim", "新买的SIM卡插不进去", Channel.COMPLAINT), fb("other", "物流很快", Channel.REVIEW));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            for (String q : List.of("SIM", "sim卡", "SIM卡 插不进去")) assertEquals(List.of("sim"), ids(s, q), q);
        }
        assertEquals(List.of("0-3", "3-4"), SearchTerms.scriptRuns("sim卡").stream().map(r -> r[0] + "-" + r[1]).toList());
        assertEquals(List.of(), SearchTerms.scriptRuns("包装"));
        assertEquals(List.of(), SearchTerms.scriptRuns("iphone"));
    }

    @Test
    void anEmptyIndexAnswersWithNoHits(@TempDir Path dir) throws IOException {
        index(dir);
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            assertEquals(0, s.search(new SearchRequest("包装", List.of(), List.of(), 10)).totalHits());
        }
    }

    @Test
    void theMonthFacetIsATimeLineOfEveryMonth(@TempDir Path dir) throws IOException {
        List<Feedback> items = new java.util.ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            for (int k = 0; k < m; k++) {
                Feedback f = fb(m + "-" + k, "物流很快", Channel.REVIEW);
                items.add(new Feedback(f.id(), f.text(), f.channel(), f.source(), Instant.parse(String.format("2025-%02d-10T10:00:00Z", m)),
                        null, null, f.product(), null, f.region(), f.rating(), null, f.metadata()));
            }
        }
        index(dir, items.toArray(Feedback[]::new));
        try (FeedbackSearcher s = FeedbackSearcher.open(dir, engine.analyzer())) {
            List<SearchResult.FacetCount> months = s.search(new SearchRequest("", List.of(), List.of(), 10)).facets().get("month");
            assertEquals(12, months.size(), months.toString()); // more than the 10 other facets show
            assertEquals(new SearchResult.FacetCount("2025-01", 1), months.get(0));
            assertEquals(new SearchResult.FacetCount("2025-12", 12), months.get(11));
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
