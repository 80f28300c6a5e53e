package io.vocengine.engine.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes test inputs and drains sources. */
final class TestInputs {
    static final String SIMPLIFIED =
            "这家店的服务态度非常好，菜品味道也不错，价格合理，物流很快，包装完整，下次还会再来购买。";
    static final String TRADITIONAL =
            "這家餐廳的服務非常好，菜也很好吃，價格合理，下次還會再來。物流速度很快，包裝完整，客服態度親切。";

    private TestInputs() {
    }

    static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    static List<IngestRecord> readAll(IngestSource source) throws IOException {
        List<IngestRecord> out = new ArrayList<>();
        try (source) {
            for (IngestRecord r = source.next(); r != null; r = source.next()) out.add(r);
        }
        return out;
    }

    static List<IngestRecord> readAll(Path file, IngestOptions options) throws IOException {
        return readAll(Sources.open(file, options));
    }

    static IngestRecord.Parsed parsed(IngestRecord r) {
        if (r instanceof IngestRecord.Parsed p) return p;
        throw new AssertionError("expected a parsed record, got " + r);
    }

    static IngestRecord.Rejected rejected(IngestRecord r) {
        if (r instanceof IngestRecord.Rejected p) return p;
        throw new AssertionError("expected a rejected record, got " + r);
    }
}
