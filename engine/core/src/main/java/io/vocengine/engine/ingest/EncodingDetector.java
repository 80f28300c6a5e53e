package io.vocengine.engine.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decides the charset of an input from a sample of its first bytes, and refuses rather than produce mojibake.
 * <ol>
 * <li>A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE; the mark is skipped.</li>
 * <li>Strictly valid UTF-8 is UTF-8 (a multi-byte sequence cut by the end of the sample is tolerated).</li>
 * <li>Otherwise GB18030, a superset of GBK and GB2312, so GBK exports decode exactly.</li>
 * </ol>
 * GB18030, and any encoding given by the caller, must then look like Chinese: strict decoding succeeds and at least
 * 90% of the ideographs are common ones ({@link CommonHanzi}). Mojibake fails that test by a wide margin. A sample
 * with fewer than 10 ideographs passes it, as too small to judge. A given encoding that decodes plausibly except
 * for some invalid bytes is accepted: those records are rejected one by one as ENCODING_ERROR.
 * <p>
 * Stateless and thread-safe.
 */
public final class EncodingDetector {
    /** How much of an input to look at. */
    public static final int SAMPLE_BYTES = 1 << 20;
    private static final double MIN_COMMON_SHARE = 0.9;
    private static final int MIN_IDEOGRAPHS = 10;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final String CHOICES = "Pass --encoding (utf-8, gbk, gb18030, big5)";

    private EncodingDetector() {
    }

    /**
     * @param sample   the first bytes of the input, from index 0
     * @param length   how many bytes of {@code sample} are valid
     * @param complete true when the sample is the whole input, so a cut multi-byte sequence at its end is an error
     * @param name     the input's name, for messages
     * @param given    the encoding the caller asked for, or null to detect one
     * @throws InputEncodingException when the encoding cannot be decided or the given one is clearly wrong
     */
    public static InputEncoding detect(byte[] sample, int length, boolean complete, String name, Charset given)
            throws InputEncodingException {
        Bom bom = Bom.find(sample, length);
        if (bom != null) return byteOrderMark(bom, name, given);
        Sample s = new Sample(sample, length, complete);
        Reading utf8 = s.read(StandardCharsets.UTF_8);
        return given == null ? guess(s, utf8, name) : check(s, utf8, name, given);
    }

    private static InputEncoding byteOrderMark(Bom bom, String name, Charset given) throws InputEncodingException {
        if (given == null) {
            return new InputEncoding(bom.charset, bom.length, "detected: " + bom.label + " byte-order mark");
        }
        boolean agrees = given.equals(bom.charset) || (given.equals(StandardCharsets.UTF_16) && bom != Bom.UTF_8);
        if (!agrees) {
            throw new InputEncodingException(name + " starts with a " + bom.label + " byte-order mark, but --encoding "
                    + given.name() + " was given; drop --encoding or pass --encoding " + bom.charset.name());
        }
        return new InputEncoding(bom.charset, bom.length,
                "given: --encoding " + given.name() + ", byte-order mark agrees");
    }

    private static InputEncoding guess(Sample s, Reading utf8, String name) throws InputEncodingException {
        if (utf8.valid()) return new InputEncoding(StandardCharsets.UTF_8, 0, "detected: valid UTF-8");
        Reading gb = s.read(GB18030);
        if (gb.plausible()) return new InputEncoding(GB18030, 0, "detected: GB18030 (not UTF-8)");
        Reading big5 = s.read(BIG5);
        String hint = big5.plausible() && big5.ideographs >= MIN_IDEOGRAPHS
                ? " It reads cleanly as Big5 (traditional Chinese), so --encoding big5 is likely right." : "";
        throw new InputEncodingException("cannot tell the encoding of " + name + ": it is not valid UTF-8 ("
                + utf8.errorDescription() + "), and read as GB18030 " + gb.problem() + "." + hint + " " + CHOICES);
    }

    private static InputEncoding check(Sample s, Reading utf8, String name, Charset given)
            throws InputEncodingException {
        Reading asGiven = given.equals(StandardCharsets.UTF_8) ? utf8 : s.read(given);
        InputEncoding accepted = new InputEncoding(given, 0, "given: --encoding " + given.name());
        if (asGiven.plausible()) return accepted;
        String readAs = "read as " + given.name() + " " + asGiven.problem();
        if (utf8.valid()) {
            throw new InputEncodingException(name + " looks like UTF-8, not " + given.name()
                    + ": it is valid UTF-8, but " + readAs + ". Drop --encoding or pass --encoding utf-8");
        }
        if (!given.equals(GB18030)) {
            Reading gb = s.read(GB18030);
            if (gb.plausible() && gb.ideographs >= MIN_IDEOGRAPHS) {
                throw new InputEncodingException(name + " looks like GB18030 (a superset of GBK), not " + given.name()
                        + ": it decodes cleanly as GB18030, but " + readAs + ". Pass --encoding gb18030");
            }
        }
        if (asGiven.rareShare()) {
            throw new InputEncodingException(name + ": " + readAs + ", so " + given.name() + " is probably wrong. "
                    + CHOICES);
        }
        return accepted; // only some invalid bytes: those records are rejected one by one
    }

    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, "UTF-8", 0xEF, 0xBB, 0xBF),
        UTF_16LE(StandardCharsets.UTF_16LE, "UTF-16LE", 0xFF, 0xFE),
        UTF_16BE(StandardCharsets.UTF_16BE, "UTF-16BE", 0xFE, 0xFF);

        final Charset charset;
        final String label;
        final int[] bytes;
        final int length;

        Bom(Charset charset, String label, int... bytes) {
            this.charset = charset;
            this.label = label;
            this.bytes = bytes;
            this.length = bytes.length;
        }

        static Bom find(byte[] sample, int length) {
            for (Bom bom : values()) {
                if (length >= bom.length && matches(bom, sample)) return bom;
            }
            return null;
        }

        private static boolean matches(Bom bom, byte[] sample) {
            for (int i = 0; i < bom.length; i++) {
                if ((sample[i] & 0xFF) != bom.bytes[i]) return false;
            }
            return true;
        }
    }

    private record Sample(byte[] bytes, int length, boolean complete) {
        /** Decodes strictly, noting the first error and going on past it so the whole sample can be judged. */
        Reading read(Charset charset) {
            CharsetDecoder decoder = charset.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
            CharBuffer out = CharBuffer.allocate(length + 16);
            int firstError = -1;
            while (true) {
                CoderResult r = decoder.decode(in, out, complete);
                if (r.isOverflow()) {
                    out = grow(out);
                } else if (r.isError()) {
                    if (firstError < 0) firstError = in.position();
                    if (!out.hasRemaining()) out = grow(out);
                    out.put('\uFFFD');
                    in.position(in.position() + r.length());
                } else {
                    break;
                }
            }
            while (complete && decoder.flush(out).isOverflow()) out = grow(out);
            return new Reading(this, charset, out.flip().toString(), firstError);
        }

        private static CharBuffer grow(CharBuffer buffer) {
            CharBuffer bigger = CharBuffer.allocate(buffer.capacity() * 2 + 16);
            return bigger.put(buffer.flip());
        }

        int lineAt(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') line++;
            }
            return line;
        }
    }

    /** A sample decoded with one charset, and how Chinese it looks. */
    private static final class Reading {
        final Sample sample;
        final Charset charset;
        final String text;
        final int firstError;
        final int ideographs;
        final int common;

        Reading(Sample sample, Charset charset, String text, int firstError) {
            this.sample = sample;
            this.charset = charset;
            this.text = text;
            this.firstError = firstError;
            int all = 0;
            int known = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isIdeographic(cp)) {
                    all++;
                    if (CommonHanzi.contains(cp)) known++;
                }
            }
            this.ideographs = all;
            this.common = known;
        }

        boolean valid() {
            return firstError < 0;
        }

        boolean rareShare() {
            return ideographs >= MIN_IDEOGRAPHS && common < MIN_COMMON_SHARE * ideographs;
        }

        boolean plausible() {
            return valid() && !rareShare();
        }

        /** Why this reading is not plausible, to follow "read as X". */
        String problem() {
            if (rareShare()) {
                return "only " + (common * 100 / ideographs) + "% of its Chinese characters are common ones (sample: "
                        + snippet() + ")";
            }
            return "it has bytes that are not valid " + charset.name() + " (" + errorDescription() + ")";
        }

        String errorDescription() {
            int end = Math.min(firstError + 4, sample.length);
            return "offset " + firstError + ", line " + sample.lineAt(firstError) + ": bytes "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(sample.bytes, firstError, end);
        }

        private String snippet() {
            int start = 0;
            while (start < text.length() && !Character.isIdeographic(text.codePointAt(start))) {
                start += Character.charCount(text.codePointAt(start));
            }
            int end = text.offsetByCodePoints(start, Math.min(24, text.codePointCount(start, text.length())));
            return text.substring(start, end).replaceAll("\\p{Cntrl}", " ");
        }
    }
}
