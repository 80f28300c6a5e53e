package io.vocengine.taxonomy;

import java.util.Locale;

/** Polarity of one aspect mention. Serialised in lower case ("negative"). */
public enum Polarity {
    POSITIVE, NEGATIVE, NEUTRAL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "positive" / "negative" / "neutral" in any case; null for anything else. */
    public static Polarity parse(String s) {
        if (s == null) return null;
        for (Polarity p : values()) {
            if (p.name().equalsIgnoreCase(s.trim())) return p;
        }
        return null;
    }
}
