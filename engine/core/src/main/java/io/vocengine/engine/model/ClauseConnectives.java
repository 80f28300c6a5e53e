package io.vocengine.engine.model;

import java.util.Set;

/** The connectives that shape clause scope; shared by the splitter that finds them and the stages that read them. */
public final class ClauseConnectives {
    private ClauseConnectives() {
    }

    /** Turn against the previous clause wherever they stand (价格便宜但是质量差). */
    public static final Set<String> CONTRAST = Set.of("但是", "但", "不过", "可是", "然而", "却", "而是", "只是", "就是", "可惜");
    /**
     * Words of {@link #CONTRAST} that do not open a clause mid-way: 就是好 and 只是 are adverbs there, and 却 sits
     * between a subject and its predicate (售后却很不耐烦), so splitting at it would cut the two apart.
     */
    public static final Set<String> CONTRAST_ONLY_FIRST = Set.of("只是", "就是", "可惜", "却");
    /** Concede a point that a later clause overrides; they connect only at the start of a clause. */
    public static final Set<String> CONCESSION = Set.of("虽然", "虽说", "尽管", "除了", "虽");
}
