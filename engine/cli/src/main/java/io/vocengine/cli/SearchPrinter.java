package io.vocengine.cli;

import io.vocengine.engine.index.SearchResult;
import io.vocengine.engine.model.Span;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Renders search results for a person: matched words in colour on a terminal, in 【】 otherwise. */
final class SearchPrinter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    private final PrintStream out;
    private final String open;
    private final String close;

    SearchPrinter(PrintStream out, boolean colour) {
        this.out = out;
        this.open = colour ? "\u001b[1;31m" : "【";
        this.close = colour ? "\u001b[0m" : "】";
    }

    void print(String query, SearchResult r) {
        out.printf("%,d hits for \"%s\" (%.1f ms)%n%n", r.totalHits(), query, r.tookMillis());
        int rank = 1;
        for (SearchResult.Hit h : r.hits()) {
            String date = h.createdAtMillis() == null ? "" : DAY.format(Instant.ofEpochMilli(h.createdAtMillis()));
            String feeling = h.emotion() == null ? "" : String.format("  %s, severity %.2f", h.emotion(), h.severity());
            out.printf("%2d. %s  [%s %s]  score %.2f%s%n", rank++, h.id(), h.channel(), date, h.score(), feeling);
            out.println("    " + mark(h.snippet()).replace('\n', ' ').replace('\r', ' '));
            if (!h.snippet().matches().isEmpty()) {
                out.println("    matches at raw offsets" + (h.snippet().isPart() ? " (in this passage) " : " ") + h.snippet().matches().stream()
                        .map(s -> "[" + s.start() + "," + s.end() + ")").collect(Collectors.joining(" ")));
            }
            if (!h.tags().isEmpty()) {
                out.println("    tags: " + h.tags().stream().map(SearchPrinter::tagLabel).collect(Collectors.joining("; ")));
            }
        }
        r.facets().forEach((dim, counts) -> {
            if (counts.isEmpty()) return;
            out.println();
            out.println(dim + ": " + counts.stream().map(c -> c.label() + " " + c.count()).collect(Collectors.joining(" · ")));
        });
    }

    /** "ecommerce.logistics.packaging.damaged|negative|物流>包装>破损" → "物流>包装>破损 (negative)". */
    private static String tagLabel(String stored) {
        String[] f = stored.split("\\|", 3);
        return f.length == 3 ? f[2] + " (" + f[1] + ")" : stored;
    }

    /** The passage with its matches marked, and … where the raw text goes on before or after it. */
    private String mark(SearchResult.Snippet s) {
        StringBuilder sb = new StringBuilder(s.start() > 0 ? "…" : "");
        int pos = 0;
        List<Span> matches = s.matches();
        for (Span m : matches) {
            int a = m.start() - s.start();
            int b = m.end() - s.start();
            if (a < pos || b > s.text().length()) continue;
            sb.append(s.text(), pos, a).append(open).append(s.text(), a, b).append(close);
            pos = b;
        }
        sb.append(s.text().substring(pos));
        return s.start() + s.text().length() < s.textLength() ? sb.append('…').toString() : sb.toString();
    }
}
