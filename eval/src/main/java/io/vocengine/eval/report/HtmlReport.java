package io.vocengine.eval.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page (no scripts, no external files): per dataset, the metrics with their
 * intervals drawn as whiskers, per-node F1 bars and the polarity confusion as a heat map, all inline SVG.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(JsonNode report) {
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>VoC evaluation report</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}h2{margin-top:2em}
                table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}
                .n{text-align:right;font-variant-numeric:tabular-nums}svg text{font:12px system-ui,sans-serif}</style>
                </head><body><h1>VoC evaluation report</h1>
                """);
        h.append("<p>Engine ").append(esc(report.path("engine").toString())).append(". 95% percentile bootstrap intervals, ")
                .append(report.path("bootstrap").path("resamples")).append(" resamples, seed ")
                .append(report.path("bootstrap").path("seed")).append(".</p>");
        for (JsonNode d : report.path("datasets")) {
            h.append("<h2>").append(esc(d.path("name").asText())).append(" <small>(").append(d.path("items"))
                    .append(" items)</small></h2>");
            h.append("<h3>Metrics</h3>").append(metricsChart(d.path("metrics")));
            h.append("<h3>Mention F1 by aspect</h3>").append(nodeBars(d.path("nodes")));
            h.append("<h3>Polarity confusion</h3>").append(heatmap(d.path("polarityConfusion"), List.of("negative", "neutral", "positive")));
            if (d.has("comparison")) h.append("<h3>Against the baseline</h3>").append(comparison(d.path("comparison")));
        }
        for (JsonNode c : report.path("classification")) {
            h.append("<h2>").append(esc(c.path("name").asText())).append(" <small>(").append(c.path("items"))
                    .append(" items, ").append(esc(c.path("model").asText())).append(")</small></h2>");
            h.append("<h3>Metrics</h3>").append(metricsChart(c.path("metrics")));
            List<String> labels = new ArrayList<>();
            c.path("labels").forEach(l -> labels.add(l.asText()));
            h.append("<h3>Confusion</h3>").append(heatmap(c.path("confusion"), labels));
            h.append("<h3>Reliability diagram</h3>").append(reliability(c.path("reliability")));
            h.append("<h3>Precision–recall over thresholds</h3>").append(prCurves(c.path("sweeps")));
            if (c.has("comparison")) h.append("<h3>Against the baseline</h3>").append(classificationComparison(c.path("comparison")));
        }
        return h.append("</body></html>\n").toString();
    }

    /** One row per metric: the value as a dot, its interval as a whisker, on a 0–1 axis. */
    private static String metricsChart(JsonNode metrics) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        metrics.fields().forEachRemaining(rows::add);
        int w = 700, left = 170, rowH = 24, plot = w - left - 90;
        StringBuilder s = new StringBuilder(svg(w, rows.size() * rowH + 20));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode m = rows.get(i).getValue();
            int y = i * rowH + 16;
            double lo = m.path("low").asDouble(), hi = m.path("high").asDouble(), v = m.path("value").asDouble();
            s.append(text(0, y + 4, rows.get(i).getKey()))
                    .append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#ccc'/>", left, left + plot, y, y))
                    .append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#36c' stroke-width='3'/>",
                            left + lo * plot, left + hi * plot, y, y))
                    .append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%d' r='4' fill='#036'/>", left + v * plot, y))
                    .append(text(left + plot + 8, y + 4, String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", v, lo, hi)));
        }
        return s.append("</svg>").toString();
    }

    private static String nodeBars(JsonNode nodes) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        nodes.fields().forEachRemaining(rows::add);
        int w = 700, left = 300, rowH = 20, plot = w - left - 60;
        StringBuilder s = new StringBuilder(svg(w, rows.size() * rowH + 10));
        for (int i = 0; i < rows.size(); i++) {
            double f1 = rows.get(i).getValue().path("f1").asDouble();
            int y = i * rowH + 4;
            s.append(text(0, y + 12, rows.get(i).getKey()))
                    .append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='14' fill='%s'/>", left, y,
                            f1 * plot, f1 >= 0.75 ? "#4a8" : f1 >= 0.6 ? "#db3" : "#d54"))
                    .append(text(left + (int) (f1 * plot) + 6, y + 12, String.format(Locale.ROOT, "%.3f (n=%d)", f1,
                            rows.get(i).getValue().path("support").asInt())));
        }
        return s.append("</svg>").toString();
    }

    private static String heatmap(JsonNode confusion, List<String> labels) {
        int n = labels.size(), cell = n > 3 ? 60 : 70, left = 90, top = 40;
        int max = 1;
        for (JsonNode row : confusion) for (JsonNode c : row) max = Math.max(max, c.asInt());
        StringBuilder s = new StringBuilder(svg(left + n * cell + 20, top + n * cell + 10));
        s.append(text(left, 14, "predicted →")).append(text(0, top + n * cell + 2, "gold ↓"));
        for (int p = 0; p < n; p++) s.append(text(left + p * cell + 6, top - 8, labels.get(p)));
        for (int g = 0; g < n; g++) {
            s.append(text(0, top + g * cell + cell / 2 + 4, labels.get(g)));
            for (int p = 0; p < n; p++) {
                int v = confusion.path(g).path(p).asInt();
                double shade = (double) v / max;
                s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='rgb(%d,%d,255)' stroke='#fff'/>",
                                left + p * cell, top + g * cell, cell, cell, (int) (255 - 200 * shade), (int) (255 - 150 * shade)))
                        .append(text(left + p * cell + 20, top + g * cell + cell / 2 + 4, String.valueOf(v)));
            }
        }
        return s.append("</svg>").toString();
    }

    private static String classificationComparison(JsonNode changes) {
        StringBuilder t = new StringBuilder("<table><tr><th>metric</th><th>baseline</th><th>now</th><th>p</th></tr>");
        for (JsonNode c : changes) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.3f</td></tr>", esc(c.path("metric").asText()),
                    c.path("baseline").asDouble(), c.path("current").asDouble(), c.path("pValue").asDouble()));
        }
        return t.append("</table>").toString();
    }

    /** Accuracy against mean confidence per bin, on the diagonal when calibrated; dot size grows with the bin. */
    private static String reliability(JsonNode bins) {
        int size = 260, pad = 40;
        StringBuilder s = new StringBuilder(svg(size + 2 * pad, size + 2 * pad));
        s.append(axes(size, pad, "confidence", "accuracy"))
                .append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#aaa' stroke-dasharray='4'/>",
                        pad, pad + size, pad + size, pad));
        int max = 1;
        for (JsonNode b : bins) max = Math.max(max, b.path("items").asInt());
        for (JsonNode b : bins) {
            if (b.path("items").asInt() == 0) continue;
            s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='#36c' fill-opacity='0.7'/>",
                    pad + b.path("confidence").asDouble() * size, pad + (1 - b.path("accuracy").asDouble()) * size,
                    3 + 9 * Math.sqrt((double) b.path("items").asInt() / max)));
        }
        return s.append("</svg>").toString();
    }

    /** One polyline per label through its (recall, precision) points over thresholds 0.05 … 0.95. */
    private static String prCurves(JsonNode sweeps) {
        int size = 260, pad = 40;
        String[] colours = {"#d54", "#4a8", "#36c", "#db3", "#a5c", "#5bc", "#888", "#c73"};
        StringBuilder s = new StringBuilder(svg(size + 2 * pad + 120, size + 2 * pad));
        s.append(axes(size, pad, "recall", "precision"));
        int i = 0;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = sweeps.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            StringBuilder pts = new StringBuilder();
            for (JsonNode p : e.getValue()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", pad + p.path("recall").asDouble() * size,
                        pad + (1 - p.path("precision").asDouble()) * size));
            }
            String colour = colours[i % colours.length];
            s.append("<polyline fill='none' stroke='").append(colour).append("' stroke-width='2' points='").append(pts).append("'/>")
                    .append("<text x='").append(pad + size + 12).append("' y='").append(pad + 16 * i + 10)
                    .append("' fill='").append(colour).append("'>").append(esc(e.getKey())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String axes(int size, int pad, String x, String y) {
        return String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#ccc'/>", pad, pad, size, size)
                + text(pad + size / 2 - 25, pad + size + 28, x) + text(2, pad - 10, y)
                + text(pad - 12, pad + size + 14, "0") + text(pad + size - 6, pad + size + 14, "1") + text(pad - 14, pad + 4, "1");
    }

    private static String comparison(JsonNode changes) {
        StringBuilder t = new StringBuilder("<table><tr><th>node</th><th class=n>baseline F1</th><th class=n>F1</th>"
                + "<th class=n>Δ</th><th class=n>p</th></tr>");
        for (JsonNode c : changes) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=n>%.3f</td><td class=n>%.3f</td><td class=n>%+.3f</td>"
                            + "<td class=n>%.3f%s</td></tr>", esc(c.path("node").asText()), c.path("baseline").asDouble(),
                    c.path("current").asDouble(), c.path("delta").asDouble(), c.path("pValue").asDouble(),
                    c.path("significant").asBoolean() ? " *" : ""));
        }
        return t.append("</table>").toString();
    }

    private static String svg(int w, int h) {
        return "<svg xmlns='http://www.w3.org/2000/svg' width='" + w + "' height='" + h + "'>";
    }

    private static String text(int x, int y, String s) {
        return "<text x='" + x + "' y='" + y + "'>" + esc(s) + "</text>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
