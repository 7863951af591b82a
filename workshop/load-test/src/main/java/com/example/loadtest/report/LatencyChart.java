package com.example.loadtest.report;

import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.StageResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Bar charts of avg, p99 and p99.9 with the stages side by side, like the graphs of the original
 * Momento blog post: one panel for all endpoints, then one per endpoint. Plain SVG written here,
 * so the page works offline and needs no chart library or CDN.
 */
public final class LatencyChart {

    /** One colour per stage, in the order given (colour-blind-safe palette). */
    private static final List<String> COLOURS = List.of("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377");
    private static final List<Metric> METRICS = List.of(
            new Metric("avg", EndpointStats::avgMs),
            new Metric("p99", EndpointStats::p99Ms),
            new Metric("p99.9", EndpointStats::p999Ms));

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 44;
    private static final int BOTTOM = 56;

    private record Metric(String name, ToDoubleFunction<EndpointStats> value) {
    }

    private LatencyChart() {
    }

    /** A standalone page: the run, then one chart per endpoint ("all" first). */
    public static String html(RunInfo run, List<StageResult> results) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Load test %s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
                .charts { display: flex; flex-wrap: wrap; gap: 16px; }
                table { border-collapse: collapse; margin: 12px 0; }
                td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
                td:first-child, th:first-child { text-align: left; }
                p.meta { color: #555; }
                </style></head><body>
                """.formatted(escape(run.date())));
        html.append("<h1>Latency by stage</h1>\n<p class=\"meta\">")
                .append(escape(run.date())).append(" &middot; seed ").append(run.seed())
                .append(" &middot; concurrency ").append(run.concurrency()).append(" &middot; ")
                .append(run.durationSeconds() == null ? run.requests() + " requests" : run.durationSeconds() + " s")
                .append(" per stage after ").append(run.warmUp()).append(" warm-up requests &middot; ")
                .append(escape(run.data())).append("<br>").append(escape(run.machine().summary())).append("</p>\n");
        html.append(overviewTable(results));
        html.append("<div class=\"charts\">\n");
        for (String endpoint : endpoints(results)) {
            html.append(svg(endpoint, results, false)).append('\n');
        }
        html.append("</div>\n<p class=\"meta\">Milliseconds, measured by the client. Percentiles from HdrHistogram. ")
                .append("Raw numbers: results.json, results.csv.</p>\n</body></html>\n");
        return html.toString();
    }

    /**
     * One chart as SVG: three plots side by side (avg, p99, p99.9), each with its own scale so
     * that a slow tail does not flatten the averages, and one bar per stage in each.
     * {@code standalone} adds the XML namespace a .svg file needs.
     */
    public static String svg(String endpoint, List<StageResult> results, boolean standalone) {
        List<StageResult> shown = results.stream()
                .filter(result -> stats(result, endpoint) != null)
                .toList();
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double plotWidth = (double) (WIDTH - RIGHT) / METRICS.size() - LEFT;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg").append(standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "")
                .append(" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        svg.append("<title>").append(escape(endpoint)).append(": avg, p99, p99.9 per stage (ms)</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(8, 20, "start", "bold", 13,
                (endpoint.equals(EndpointStats.ALL) ? "All endpoints" : endpoint) + " (ms)"));

        for (int m = 0; m < METRICS.size(); m++) {
            Metric metric = METRICS.get(m);
            double left = LEFT + m * (plotWidth + LEFT);
            double highest = shown.stream().mapToDouble(result -> metric.value.applyAsDouble(stats(result, endpoint))).max().orElse(0);
            double top = niceCeiling(highest);
            for (int tick = 0; tick <= 4; tick++) {
                double y = TOP + plotHeight - plotHeight * tick / 4.0;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                        left, y, left + plotWidth, y));
                svg.append(text(left - 4, y + 4, "end", "normal", 10, tickLabel(top, tick)));
            }
            double barWidth = Math.min(40, (plotWidth - 16) / Math.max(1, shown.size()));
            double barsStart = left + (plotWidth - barWidth * shown.size()) / 2;
            for (int s = 0; s < shown.size(); s++) {
                double value = metric.value.applyAsDouble(stats(shown.get(s), endpoint));
                double height = plotHeight * value / top;
                double x = barsStart + s * barWidth;
                double y = TOP + plotHeight - height;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s ms</title></rect>%n",
                        x + 2, y, barWidth - 4, height, colour(results.indexOf(shown.get(s))),
                        escape(shown.get(s).target()), metric.name, Numbers.ms(value)));
                svg.append(text(x + barWidth / 2, y - 4, "middle", "normal", 10, Numbers.decimal(value, value < 10 ? 2 : value < 100 ? 1 : 0)));
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    left, TOP + plotHeight, left + plotWidth, TOP + plotHeight));
            svg.append(text(left + plotWidth / 2, TOP + plotHeight + 18, "middle", "bold", 12, metric.name));
        }

        double legendX = LEFT;
        for (StageResult result : shown) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    legendX, HEIGHT - 22, colour(results.indexOf(result))));
            svg.append(text(legendX + 16, HEIGHT - 12, "start", "normal", 11, result.target()));
            legendX += 28 + 7 * result.target().length();
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** "all" first, then every endpoint any stage sent requests to. */
    static List<String> endpoints(List<StageResult> results) {
        Set<String> endpoints = new LinkedHashSet<>();
        endpoints.add(EndpointStats.ALL);
        results.forEach(result -> result.endpoints().stream()
                .filter(stats -> stats.successes() > 0)
                .forEach(stats -> endpoints.add(stats.endpoint())));
        return new ArrayList<>(endpoints);
    }

    /**
     * A round axis top at least {@code value} whose quarter is round too, so that all four ticks
     * read well (0, 8, 16, 24, 32; never 6.3 or 0.38): 1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6 or 8 times a
     * power of ten.
     */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10}) {
            if (step * magnitude >= value * (1 - 1e-9)) { // 0.3 is 2.9999999999999996 x 0.1
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The label of tick 0 to 4 on an axis up to {@code top}, with as many decimals as its quarter needs. */
    static String tickLabel(double top, int tick) {
        BigDecimal quarter = new BigDecimal(top / 4).round(new MathContext(3)).stripTrailingZeros();
        return quarter.multiply(BigDecimal.valueOf(tick)).setScale(Math.max(0, quarter.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static EndpointStats stats(StageResult result, String endpoint) {
        if (endpoint.equals(EndpointStats.ALL)) {
            return result.total().successes() > 0 ? result.total() : null;
        }
        return result.endpoint(endpoint).filter(stats -> stats.successes() > 0).orElse(null);
    }

    private static String overviewTable(List<StageResult> results) {
        Table table = ComparisonReport.overview(results);
        String markdown = table.toMarkdown();
        StringBuilder html = new StringBuilder("<table>\n");
        String[] lines = markdown.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i == 1) {
                continue; // the Markdown alignment row
            }
            String tag = i == 0 ? "th" : "td";
            String[] cells = lines[i].substring(2, lines[i].length() - 2).split(" \\| ", -1);
            html.append("<tr>");
            for (String cell : cells) {
                html.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String colour(int stageIndex) {
        return COLOURS.get(Math.max(0, stageIndex) % COLOURS.size());
    }

    private static String text(double x, double y, String anchor, String weight, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, weight, size, escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
