package io.vocengine.engine.ingest;

import java.nio.charset.Charset;

/**
 * The charset an input is decoded with and why. Immutable.
 *
 * @param charset  the charset records are decoded with
 * @param bomBytes length of the byte-order mark skipped at the start of the input (0 when none)
 * @param how      how it was decided, for the user: "detected: valid UTF-8", "detected: GB18030 (not UTF-8)",
 *                 "given: --encoding GBK"
 */
public record InputEncoding(Charset charset, int bomBytes, String how) {
}
