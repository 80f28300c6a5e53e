package io.vocengine.engine.tag;

import io.vocengine.taxonomy.TaxonomyNode;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's regular expression, tried only at word starts whose character can begin a match. The set of first
 * characters is worked out from the pattern where it is plain (literals, groups of alternatives, optional parts,
 * simple classes, \d, a leading look-behind); for anything else the rule is tried at every word start. A taxonomy
 * with dozens of regexes would otherwise scan every text dozens of times. Immutable.
 */
final class RegexRule {
    private static final String DIGITS = "0123456789";
    private static final String SPECIAL = "\\^$.|?*+()[]{}";

    private final TaxonomyNode node;
    private final int index;
    private final Pattern pattern;
    /** Characters a match can start with; null when any may. */
    private final Set<Character> first;

    /** @param index the regex's position in its node's list, named in the tag's source ({@code regex#1}) */
    RegexRule(TaxonomyNode node, int index, String regex) {
        this.node = node;
        this.index = index;
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        Set<Character> f = new FirstChars(regex).sequence(0, regex.length());
        this.first = f == null ? null : withBothCases(f);
    }

    TaxonomyNode node() {
        return node;
    }

    int index() {
        return index;
    }

    Pattern pattern() {
        return pattern;
    }

    /** The characters a match can start with, or null when any may. */
    Set<Character> firstChars() {
        return first;
    }

    /** The match starting exactly at {@code start}, or null. */
    Matcher matchAt(String text, int start) {
        if (first != null && !first.contains(text.charAt(start))) return null;
        Matcher m = pattern.matcher(text).region(start, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        return m.lookingAt() && m.end() > m.start() ? m : null;
    }

    private static Set<Character> withBothCases(Set<Character> chars) {
        Set<Character> out = new HashSet<>(chars);
        for (char c : chars) {
            out.add(Character.toLowerCase(c));
            out.add(Character.toUpperCase(c));
        }
        return out;
    }

    /**
     * A conservative FIRST-set computation over a regex's source. Every method returns the characters a match of
     * the part can start with, or null when it cannot tell; {@link #nullable} says whether the part can match empty.
     */
    private static final class FirstChars {
        private final String re;
        private boolean nullable;

        FirstChars(String re) {
            this.re = re;
        }

        /** FIRST of the concatenation re[from, to), splitting top-level alternatives first. */
        Set<Character> sequence(int from, int to) {
            Set<Character> all = new HashSet<>();
            boolean anyNullable = false;
            for (int[] alt : alternatives(from, to)) {
                Set<Character> f = concatenation(alt[0], alt[1]);
                if (f == null) return null;
                all.addAll(f);
                anyNullable |= nullable;
            }
            nullable = anyNullable;
            return all;
        }

        private Set<Character> concatenation(int from, int to) {
            Set<Character> out = new HashSet<>();
            int i = from;
            while (i < to) {
                int end = atomEnd(i, to);
                if (end < 0) return null;
                Set<Character> f;
                boolean atomNullable;
                char c = re.charAt(i);
                if (c == '(' && re.startsWith("(?<", i) && (re.startsWith("(?<!", i) || re.startsWith("(?<=", i))) {
                    i = end; // a look-behind consumes nothing
                    continue;
                } else if (c == '(') {
                    int inner = re.startsWith("(?:", i) ? i + 3 : re.startsWith("(?", i) ? -1 : i + 1;
                    if (inner < 0) return null; // named groups, look-aheads, flags: not worth the risk
                    f = sequence(inner, end - 1);
                    if (f == null) return null;
                    atomNullable = nullable;
                } else if (c == '[') {
                    f = charClass(i + 1, end - 1);
                    if (f == null) return null;
                    atomNullable = false;
                } else if (c == '\\') {
                    if (end - i != 2 || re.charAt(i + 1) != 'd') return null;
                    f = new HashSet<>();
                    for (char d : DIGITS.toCharArray()) f.add(d);
                    atomNullable = false;
                } else if (SPECIAL.indexOf(c) >= 0) {
                    return null;
                } else {
                    f = Set.of(c);
                    atomNullable = false;
                }
                int after = end;
                if (after < to && (re.charAt(after) == '?' || re.charAt(after) == '*')) {
                    atomNullable = true;
                    after++;
                } else if (after < to && re.charAt(after) == '+') {
                    after++;
                } else if (after < to && re.charAt(after) == '{') {
                    int close = re.indexOf('}', after);
                    if (close < 0 || close >= to) return null;
                    atomNullable |= re.substring(after + 1, close).startsWith("0");
                    after = close + 1;
                }
                if (after < to && (re.charAt(after) == '?' || re.charAt(after) == '+')) after++; // lazy or possessive
                out.addAll(f);
                if (!atomNullable) {
                    nullable = false;
                    return out;
                }
                i = after;
            }
            nullable = true;
            return out;
        }

        /** Plain characters of a class body; null for ranges other than 0-9, negation or escapes. */
        private Set<Character> charClass(int from, int to) {
            if (from >= to || re.charAt(from) == '^') return null;
            Set<Character> out = new HashSet<>();
            for (int i = from; i < to; i++) {
                char c = re.charAt(i);
                if (c == '\\') {
                    if (i + 1 < to && re.charAt(i + 1) == 'd') {
                        for (char d : DIGITS.toCharArray()) out.add(d);
                        i++;
                        continue;
                    }
                    return null;
                }
                if (i + 2 < to && re.charAt(i + 1) == '-') {
                    if (c != '0' || re.charAt(i + 2) != '9') return null;
                    for (char d : DIGITS.toCharArray()) out.add(d);
                    i += 2;
                    continue;
                }
                out.add(c);
            }
            return out;
        }

        /** End (exclusive) of the atom starting at {@code i}: a group, a class, an escape or one character. */
        private int atomEnd(int i, int to) {
            char c = re.charAt(i);
            if (c == '\\') return i + 2 <= to ? i + 2 : -1;
            if (c == '[') {
                for (int j = i + 1; j < to; j++) {
                    if (re.charAt(j) == '\\') j++;
                    else if (re.charAt(j) == ']' && j > i + 1) return j + 1;
                }
                return -1;
            }
            if (c == '(') {
                int depth = 0;
                for (int j = i; j < to; j++) {
                    char d = re.charAt(j);
                    if (d == '\\') j++;
                    else if (d == '[') j = atomEnd(j, to) - 1;
                    else if (d == '(') depth++;
                    else if (d == ')' && --depth == 0) return j + 1;
                    if (j < 0) return -1;
                }
                return -1;
            }
            return i + 1;
        }

        /** Top-level alternatives of re[from, to) as [start, end) pairs. */
        private java.util.List<int[]> alternatives(int from, int to) {
            java.util.List<int[]> out = new java.util.ArrayList<>();
            int start = from;
            for (int i = from; i < to; i++) {
                char c = re.charAt(i);
                if (c == '\\') i++;
                else if (c == '(' || c == '[') {
                    int end = atomEnd(i, to);
                    if (end < 0) return java.util.List.of(new int[]{from, to}); // concatenation() will give up
                    i = end - 1;
                } else if (c == '|') {
                    out.add(new int[]{start, i});
                    start = i + 1;
                }
            }
            out.add(new int[]{start, to});
            return out;
        }
    }
}
