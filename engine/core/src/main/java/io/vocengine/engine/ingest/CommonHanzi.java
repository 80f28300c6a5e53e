package io.vocengine.engine.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.BitSet;

/**
 * The ideographs everyday Chinese text is made of: the 6,763 hanzi of GB2312 (simplified) plus the 5,401 of Big5
 * level 1 (traditional). Real text, simplified or traditional, is about 99% these; mojibake (Big5 or UTF-8 bytes read
 * as GBK, GBK read as Big5) is 35–75%. Traditional text alone is only ~75% GB2312, which is why Big5 level 1 is in.
 * Immutable, thread-safe.
 */
final class CommonHanzi {
    private static final BitSet COMMON = build();

    private CommonHanzi() {
    }

    static boolean contains(int codePoint) {
        return codePoint >= 0 && codePoint < 0x10000 && COMMON.get(codePoint);
    }

    private static BitSet build() {
        BitSet set = new BitSet(0x10000);
        // GB2312 rows 16–87 (lead bytes B0–F7) hold its two levels of hanzi.
        addDoubleByteRange(set, Charset.forName("GB2312"), 0xB0, 0xF7, 0xA1, 0xFE, 0xFE);
        // Big5 level 1 is A440–C67E; its trail bytes are 40–7E and A1–FE.
        addDoubleByteRange(set, Charset.forName("Big5"), 0xA4, 0xC6, 0x40, 0xFE, 0x7E);
        return set;
    }

    private static void addDoubleByteRange(BitSet set, Charset charset, int leadFrom, int leadTo, int trailFrom,
                                           int trailTo, int lastTrailOfLastLead) {
        for (int lead = leadFrom; lead <= leadTo; lead++) {
            int trailEnd = lead == leadTo ? lastTrailOfLastLead : trailTo;
            for (int trail = trailFrom; trail <= trailEnd; trail++) {
                String s = charset.decode(ByteBuffer.wrap(new byte[]{(byte) lead, (byte) trail})).toString();
                if (s.length() == 1 && Character.isIdeographic(s.charAt(0))) set.set(s.charAt(0));
            }
        }
    }
}
