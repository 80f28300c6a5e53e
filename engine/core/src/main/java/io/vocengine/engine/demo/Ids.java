package io.vocengine.engine.demo;

/** Record ids: a prefix and a zero-padded sequence number (C000042). String.format is too slow for 100k ids. */
final class Ids {
    private Ids() {
    }

    static String of(String prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) sb.append('0');
        return sb.append(digits).toString();
    }
}
