package io.vocengine.engine.clean;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocengine.engine.demo.DemoConfig;
import io.vocengine.engine.demo.DemoDataGenerator;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default checks through the whole cleaner: raw-offset evidence, and their cost on ordinary reviews. */
class TextChecksEndToEndCheckTest {
    private final CleanStage cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 10000);

    @Test
    void spamEvidencePointsIntoTheRawTextPastEmojiAndFullWidth() {
        String raw = "😡😡ｉＰｈｏｎｅ　很好！！加ＶＸ：ｓｈｏｐ２０２５ 領紅包 👍";
        CleanText c = cleaner.clean(raw);
        Flag spam = c.flags().stream().filter(f -> f.code().equals(Flag.SPAM_AD)).findFirst().orElseThrow();
        assertEquals(List.of("加ＶＸ：ｓｈｏｐ２０２５", "領紅包"), spam.evidence().stream().map(s -> s.of(raw)).toList());
    }

    @Test
    void eachKindOfJunkGetsItsFlagAndRealReviewsNone() {
        assertEquals(List.of(Flag.FILLER), codes("系統默認好評"));
        assertEquals(List.of(Flag.MEANINGLESS), codes("ＡＳＤＦＧＨ"));
        assertEquals(List.of(Flag.NON_CHINESE), codes("The delivery was late and the box was damaged"));
        assertEquals(List.of(), codes("🥰ｉＰｈｏｎｅ１５的屏幕很好，物流也快"));
    }

    private List<String> codes(String raw) {
        return cleaner.clean(raw).flags().stream().map(Flag::code).toList();
    }

    /**
     * The four checks alone (cleaning excluded) on 20,000 generated reviews: they flag only the noise the generator
     * planted, not ordinary reviews. Also prints their throughput (one thread, after a warm-up round) for the record;
     * unit tests do not assert on time, `voc bench` measures it.
     */
    @Test
    void checksStayQuietOnOrdinaryReviews(@TempDir Path dir) throws IOException {
        new DemoDataGenerator(DemoConfig.of(7, 20_000)).generate(dir);
        ObjectMapper json = new ObjectMapper();
        CleanStage stepsOnly = new CleanStage(CleanStage.defaultSteps(), List.of(), 10000);
        List<String> items = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(DemoDataGenerator.FEEDBACK_FILE))) {
            items.add(json.readTree(line).path("text").asText());
        }
        List<CleanText> cleaned = items.stream().map(stepsOnly::clean).toList();
        List<TextCheck> checks = CleanStage.defaultChecks();
        long chars = cleaned.stream().mapToLong(c -> c.text().length()).sum();
        long flagged = 0, nanos = 0;
        for (int round = 0; round < 4; round++) { // round 0 warms up
            long t0 = System.nanoTime();
            flagged = 0;
            for (int i = 0; i < items.size(); i++) {
                for (TextCheck check : checks) flagged += check.check(items.get(i), cleaned.get(i)).size();
            }
            if (round > 0) nanos += System.nanoTime() - t0;
        }
        double seconds = nanos / 3e9;
        double charsPerSecond = chars / seconds;
        System.out.printf("text checks: %d items, %d chars, %.0f items/s, %.2f M chars/s, %d flags%n",
                items.size(), chars, items.size() / seconds, charsPerSecond / 1e6, flagged);
        assertTrue(flagged > 0 && flagged < items.size() / 10, flagged + " flags on " + items.size() + " items");
    }
}
