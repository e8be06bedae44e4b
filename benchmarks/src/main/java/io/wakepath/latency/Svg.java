package io.wakepath.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the report (no script, no CDN: the page works offline and prints). Both axes are logarithmic:
 * the percentile spectrum uses the "nines" axis, x = log10(1 / (1 - p)), so that p50, p90, p99, p99.9 and p99.99 are
 * evenly spaced, and latency in microseconds on a log scale.
 */
final class Svg {
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};
    private static final int W = 760;
    private static final int H = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    private static final double MAX_NINES = 5;

    /** One named series of (x, y) points in data units (already log10 where the axis is logarithmic). */
    record Series(String name, List<double[]> points) {
    }

    private Svg() {
    }

    /** The percentile spectrum of {@code h}: (nines, log10 microseconds) from p0 up to the largest value. */
    static Series spectrum(String name, Histogram h) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            if (p >= 1) {
                break;
            }
            points.add(new double[] {nines(p), Math.log10(Math.max(1, v.getValueIteratedTo()) / 1e3)});
        }
        double maxX = points.isEmpty() ? 0 : Math.min(MAX_NINES, points.get(points.size() - 1)[0] + 0.3);
        points.add(new double[] {maxX, Math.log10(Math.max(1, h.getMaxValue()) / 1e3)});   // max
        return new Series(name, points);
    }

    static double nines(double p) {
        return Math.min(MAX_NINES, Math.log10(1 / (1 - p)));
    }

    /** A percentile spectrum chart of several series. */
    static String spectrumChart(String title, List<Series> series) {
        double[] y = decadeRange(series, 1);
        double yMin = y[0];
        double yMax = y[1];
        List<String[]> xTicks = List.of(new String[] {"0", "p0"}, new String[] {"0.301", "p50"},
                new String[] {"1", "p90"}, new String[] {"2", "p99"}, new String[] {"3", "p99.9"},
                new String[] {"4", "p99.99"}, new String[] {"5", "p99.999"});
        return chart(title, "percentile", "latency (us)", 0, MAX_NINES, yMin, yMax, xTicks, decades(yMin, yMax),
                series, false);
    }

    /** A chart of readers (log x) against a log y quantity, points joined per series. */
    static String scalingChart(String title, String yLabel, List<Series> series) {
        double xMax = decadeRange(series, 0)[1];
        double[] y = decadeRange(series, 1);
        double yMin = y[0];
        double yMax = y[1];
        List<String[]> xTicks = new ArrayList<>();
        for (int d = 0; d <= xMax; d++) {
            xTicks.add(new String[] {Integer.toString(d), fmt(Math.pow(10, d))});
        }
        return chart(title, "readers", yLabel, 0, Math.max(1, xMax), yMin, yMax, xTicks, decades(yMin, yMax), series,
                true);
    }

    /** The whole decades around coordinate {@code axis} (0: x, 1: y) of every point: {floor of min, ceil of max}. */
    private static double[] decadeRange(List<Series> series, int axis) {
        double min = Math.floor(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[axis]).min()
                .orElse(0));
        double max = Math.ceil(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[axis]).max()
                .orElse(1));
        return new double[] {min, Math.max(max, min + 1)};
    }

    private static List<String[]> decades(double min, double max) {
        List<String[]> ticks = new ArrayList<>();
        for (int d = (int) min; d <= max; d++) {
            ticks.add(new String[] {Integer.toString(d), fmt(Math.pow(10, d))});
        }
        return ticks;
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String chart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin,
                                double yMax, List<String[]> xTicks, List<String[]> yTicks, List<Series> series,
                                boolean markers) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>\n", W, H, W, H, esc(title)));
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" "
                + "stroke=\"#999\"/>\n", LEFT, TOP, pw, ph));
        for (String[] t : xTicks) {
            double x = LEFT + (Double.parseDouble(t[0]) - xMin) / (xMax - xMin) * pw;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                    x, TOP, x, TOP + ph, x, TOP + ph + 15, esc(t[1])));
        }
        for (String[] t : yTicks) {
            double y = TOP + ph - (Double.parseDouble(t[0]) - yMin) / (yMax - yMin) * ph;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                    LEFT, y, LEFT + pw, y, LEFT - 5, y + 4, esc(t[1])));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s"
                + "</text>\n", LEFT + pw / 2, H - 10, esc(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %d)\">%s</text>\n", TOP + ph / 2, TOP + ph / 2, esc(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = COLORS[i % COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (double[] p : s.points()) {
                double x = LEFT + (p[0] - xMin) / (xMax - xMin) * pw;
                double y = TOP + ph - (p[1] - yMin) / (yMax - yMin) * ph;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (markers) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                            x, y, color));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-series=\"%s\" fill=\"none\" "
                    + "stroke=\"%s\" stroke-width=\"1.6\" points=\"%s\"/>\n", esc(s.name()), color, pts.toString().trim()));
            int ly = TOP + 12 + i * 16;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n", LEFT + pw + 10,
                    ly, LEFT + pw + 28, ly, color, LEFT + pw + 32, ly + 4, esc(s.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
