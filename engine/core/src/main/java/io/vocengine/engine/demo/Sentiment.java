package io.vocengine.engine.demo;

/** Overall tone of a generated text; decides the star rating so ratings agree with what the text says. */
enum Sentiment {
    POSITIVE, NEGATIVE, MIXED, NEUTRAL;

    /** Praise 4–5 stars, complaints 1–2, mixed and contentless 3. */
    int stars(Rand rand) {
        return switch (this) {
            case POSITIVE -> rand.chance(0.7) ? 5 : 4;
            case NEGATIVE -> rand.chance(0.6) ? 1 : 2;
            case MIXED, NEUTRAL -> 3;
        };
    }
}
