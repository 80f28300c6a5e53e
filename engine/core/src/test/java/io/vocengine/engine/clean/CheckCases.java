package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one check on texts cleaned by the default steps and asserts which are flagged. */
final class CheckCases {
    private static final CleanStage CLEANER = new CleanStage(CleanStage.defaultSteps(), List.of(), 10000);

    private CheckCases() {
    }

    static List<Flag> flags(TextCheck check, String raw) {
        return check.check(raw, CLEANER.clean(raw));
    }

    static void assertFlagged(TextCheck check, String code, List<String> texts) {
        for (String t : texts) {
            List<Flag> flags = flags(check, t);
            assertTrue(flags.stream().anyMatch(f -> f.code().equals(code)), () -> "not flagged " + code + ": " + t);
        }
    }

    static void assertNotFlagged(TextCheck check, List<String> texts) {
        for (String t : texts) {
            List<Flag> flags = flags(check, t);
            assertTrue(flags.isEmpty(), () -> "wrongly flagged: " + t + " " + flags);
        }
    }
}
