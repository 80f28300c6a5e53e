package io.vocengine.engine.tag;

import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a node-mention model reads of a whole item: its words, and the nodes the rules already tagged (a rule tag
 * on 口味 makes a 分量 mention likelier, 停车 rarely comes alone). Training and tagging call this same code.
 */
public final class MentionFeatures {
    private MentionFeatures() {
    }

    /** @param item an analysis with TOKENS and RULE_TAGS */
    public static String[] of(Analysis item) {
        Set<String> f = new LinkedHashSet<>();
        for (Token t : item.tokens()) if (!t.isPunctuation()) f.add("w=" + t.text());
        for (Tag t : item.get(Keys.RULE_TAGS).tags()) f.add("r=" + t.nodeId());
        if (f.isEmpty()) f.add("empty");
        return f.toArray(String[]::new);
    }

    /** The word features among {@code features}, for explaining a model tag. */
    static List<String> words(String[] features) {
        return java.util.Arrays.stream(features).filter(s -> s.startsWith("w=")).toList();
    }
}
