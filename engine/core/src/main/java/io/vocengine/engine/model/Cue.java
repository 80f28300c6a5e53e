package io.vocengine.engine.model;

/**
 * A signal that cleaning read from the text and kept for later stages (emotion, intensity): an emoji or kaomoji
 * (😡 → anger), a run of repeated characters (！！！！ → strength 4), a normalised slang word.
 *
 * @param kind     emoji, kaomoji, repeat, slang, url, mention, topic
 * @param name     what it means: anger, approval, … for emoji; the repeated character for repeat; the standard word for slang
 * @param raw      where it stands in the raw text (UTF-16 units)
 * @param strength how strong: repetitions of an emoji or character, otherwise 1
 */
public record Cue(String kind, String name, Span raw, int strength) {
}
