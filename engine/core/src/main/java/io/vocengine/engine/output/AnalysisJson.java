package io.vocengine.engine.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Duplicate;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.model.PiiMask;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stable JSON contract of one result, shared by {@code voc tag} and the HTTP endpoint (documented in README.md,
 * "Result format"). Offsets are UTF-16 code units into the raw text ({@code offsetUnit: "utf16"}); each evidence span
 * also carries code-point offsets ({@code cpStart}, {@code cpEnd}) for Python clients. Thread-safe.
 */
public final class AnalysisJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AnalysisJson() {
    }

    public static String result(Analysis a) {
        return write(g -> {
            String raw = a.feedback().text();
            g.writeStartObject();
            g.writeStringField("id", a.feedback().id());
            g.writeStringField("offsetUnit", "utf16");
            g.writeArrayFieldStart("taxonomies");
            for (String v : a.tagging().taxonomies()) g.writeString(v);
            g.writeEndArray();
            CleanText clean = a.clean();
            g.writeObjectFieldStart("clean");
            g.writeStringField("text", clean.text());
            g.writeArrayFieldStart("changedBy");
            for (String s : clean.changedBy()) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("cues");
            for (Cue c : clean.cues()) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind());
                g.writeStringField("name", c.name());
                g.writeNumberField("strength", c.strength());
                g.writeFieldName("span");
                writeSpan(g, c.raw(), raw);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pii");
            for (PiiMask p : clean.pii()) {
                g.writeStartObject();
                g.writeStringField("type", p.type());
                g.writeStringField("placeholder", p.placeholder());
                g.writeFieldName("span");
                writeOffsets(g, p.raw(), raw); // the offsets only: the result must not repeat the personal data
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("clauses");
            for (Clause c : a.clauses()) {
                writeOffsets(g, clean.toRaw(c.start(), c.end()), raw);
                g.writeNumberField("sentence", c.sentence());
                if (!c.connective().isEmpty()) g.writeStringField("connective", c.connective());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("flags");
            for (Flag f : a.flags()) {
                g.writeStartObject();
                g.writeStringField("code", f.code());
                g.writeStringField("reason", f.reason());
                g.writeArrayFieldStart("evidence");
                for (Span s : f.evidence()) writeSpan(g, s, raw);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (a.has(Keys.DUPLICATE)) {
                Duplicate d = a.get(Keys.DUPLICATE);
                g.writeObjectFieldStart("duplicate");
                g.writeStringField("clusterId", d.clusterId());
                g.writeNumberField("similarity", d.similarity());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("tags");
            for (Tag t : a.tagging().tags()) writeTag(g, t, raw);
            g.writeEndArray();
            if (a.has(Keys.RISKS)) {
                g.writeArrayFieldStart("risks");
                for (Tag t : a.get(Keys.RISKS).tags()) writeTag(g, t, raw);
                g.writeEndArray();
            }
            if (a.has(Keys.EMOTION)) writeEmotion(g, a.get(Keys.EMOTION));
            g.writeEndObject();
        });
    }

    public static String error(String id, String source, long line, ItemError e) {
        return write(g -> {
            g.writeStartObject();
            if (id != null) g.writeStringField("id", id);
            g.writeStringField("source", source);
            g.writeNumberField("line", line);
            g.writeObjectFieldStart("error");
            g.writeStringField("code", e.code().name());
            g.writeStringField("stage", e.stage());
            g.writeStringField("message", e.message());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeTag(JsonGenerator g, Tag t, String raw) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.nodeId());
        g.writeArrayFieldStart("path");
        for (String p : t.path()) g.writeString(p);
        g.writeEndArray();
        g.writeStringField("polarity", t.polarity().json());
        g.writeNumberField("confidence", t.confidence());
        g.writeArrayFieldStart("evidence");
        for (Span s : t.evidence()) writeSpan(g, s, raw);
        g.writeEndArray();
        g.writeStringField("source", t.source());
        g.writeEndObject();
    }

    private static void writeEmotion(JsonGenerator g, Emotion e) throws IOException {
        g.writeObjectFieldStart("emotion");
        g.writeStringField("primary", e.primary());
        g.writeArrayFieldStart("labels");
        for (String l : e.labels()) g.writeString(l);
        g.writeEndArray();
        g.writeObjectFieldStart("scores");
        for (Map.Entry<String, Double> s : e.scores().entrySet()) g.writeNumberField(s.getKey(), s.getValue());
        g.writeEndObject();
        g.writeStringField("polarity", e.polarity().json());
        g.writeNumberField("positive", e.positive());
        g.writeNumberField("intensity", e.intensity());
        g.writeNumberField("severity", e.severity());
        g.writeArrayFieldStart("sources");
        for (String s : e.sources()) g.writeString(s);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A raw-text span: UTF-16 and code-point offsets, and its text. */
    private static void writeSpan(JsonGenerator g, Span s, String raw) throws IOException {
        writeOffsets(g, s, raw);
        g.writeStringField("text", s.of(raw));
        g.writeEndObject();
    }

    /** Opens a span object with its offsets only; the caller adds fields and closes it. */
    private static void writeOffsets(JsonGenerator g, Span s, String raw) throws IOException {
        g.writeStartObject();
        g.writeNumberField("start", s.start());
        g.writeNumberField("end", s.end());
        int cpStart = raw.codePointCount(0, s.start());
        g.writeNumberField("cpStart", cpStart);
        g.writeNumberField("cpEnd", cpStart + raw.codePointCount(s.start(), s.end()));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return escapeLoneSurrogates(out.toString());
    }

    /**
     * A raw text may hold a lone surrogate; UTF-8 cannot encode one and would print '?'. As a JSON escape (\ud800)
     * it survives, so clients get back exactly the raw text they sent. Lone surrogates only occur inside strings.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                if (sb != null) sb.append(c).append(json.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (sb == null) sb = new StringBuilder(json.length() + 16).append(json, 0, i);
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? json : sb.toString();
    }
}
