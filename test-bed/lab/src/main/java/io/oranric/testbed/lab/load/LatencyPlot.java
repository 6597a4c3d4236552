package io.oranric.testbed.lab.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An SVG of latency percentiles, one curve per benchmark run: the x axis spreads the tail (p50, p90,
 * p99, p99.9, p99.99 equally spaced), the y axis is milliseconds on a log scale, and the near-RT budget
 * is drawn as a line. Below it, when the runs carry them, the p99 of each measured second: whether a
 * tail is steady or a few bad seconds (collections, compiles) shows there and nowhere else. A person
 * reads a tail from a picture faster than from a table.
 */
public final class LatencyPlot {
  private static final double[] NINES = {0, 1, 2, 3, 4}; // p50 .. p99.99 as "number of nines" positions
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

  private LatencyPlot() {}

  /** One run: its samples, the p99 of each of its seconds and how many cores the machine kept busy (NaN: not known). */
  public record Curve(String label, LatencySamples samples, double[] p99PerSecondMs, double cpuCores) {
    public Curve(String label, LatencySamples samples, double[] p99PerSecondMs) {
      this(label, samples, p99PerSecondMs, Double.NaN);
    }

    public Curve(String label, LatencySamples samples) {
      this(label, samples, new double[0]);
    }
  }

  public static void write(Path file, String title, List<Curve> curves, double budgetMs) throws IOException {
    int w = 800;
    int seconds = curves.stream().mapToInt(c -> c.p99PerSecondMs().length).max().orElse(0);
    int timePanel = seconds > 1 ? 300 : 0;
    int h = 440 + timePanel;
    int left = 70;
    int right = 240;
    int top = 40;
    int bottom = 50;
    double minMs = 0.01;
    double maxMs = budgetMs * 10;
    for (Curve c : curves) {
      maxMs = Math.max(maxMs, c.samples().percentileMs(100));
    }
    double logMin = Math.log10(minMs);
    double logMax = Math.log10(maxMs);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n", w, h));
    s.append(String.format(Locale.ROOT, "<text x='%d' y='22' font-size='15'>%s</text>%n", left, escape(title)));
    int pw = w - left - right;
    int ph = h - timePanel - top - bottom;
    s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>%n", left, top, pw, ph));
    msGrid(s, left, top, pw, ph, logMin, logMax);
    String[] names = {"p50", "p90", "p99", "p99.9", "p99.99"};
    for (int i = 0; i < NINES.length; i++) {
      double x = left + NINES[i] / 4.0 * pw;
      s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n", x, top + ph + 18, names[i]));
    }
    double by = top + ph - (Math.log10(budgetMs) - logMin) / (logMax - logMin) * ph;
    s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#000' stroke-dasharray='6,4'/>"
        + "<text x='%d' y='%.1f'>budget %s ms</text>%n", left, left + pw, by, by, left + pw + 6, by + 4, fmt(budgetMs)));
    int k = 0;
    for (Curve c : curves) {
      String color = COLORS[k % COLORS.length];
      StringBuilder path = new StringBuilder();
      // 60 points from p50 to p99.99, evenly in "nines"
      for (int i = 0; i <= 60; i++) {
        double nines = i / 15.0;
        double p = 100 - 50 * Math.pow(10, -nines);
        double v = Math.max(minMs, c.samples().percentileMs(p));
        double x = left + nines / 4.0 * pw;
        double y = top + ph - (Math.log10(v) - logMin) / (logMax - logMin) * ph;
        path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      s.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='2'/>%n", path, color));
      double ly = top + 14 + k * 34;
      s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='%s' stroke-width='3'/>"
          + "<text x='%d' y='%.1f'>%s</text><text x='%d' y='%.1f' fill='#555'>p99 %s ms%s</text>%n", left + pw + 10, left + pw + 30, ly, ly, color,
          left + pw + 36, ly + 4, escape(c.label()), left + pw + 36, ly + 18, fmt(c.samples().percentileMs(99)),
          (Double.isNaN(c.cpuCores()) ? "" : String.format(Locale.ROOT, ", CPU %.2f of %d cores", c.cpuCores(),
              Runtime.getRuntime().availableProcessors()))));
      k++;
    }
    if (timePanel > 0) {
      timePanel(s, curves, seconds, left, top + ph + bottom + 20, pw, timePanel - 70, logMin, logMax, budgetMs);
    }
    s.append("</svg>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, s.toString());
  }

  private static void timePanel(StringBuilder s, List<Curve> curves, int seconds, int left, int top, int pw, int ph,
      double logMin, double logMax, double budgetMs) {
    s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='13'>p99 of each measured second</text>%n", left, top - 8));
    s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>%n", left, top, pw, ph));
    msGrid(s, left, top, pw, ph, logMin, logMax);
    int step = Math.max(1, seconds / 6);
    for (int t = 0; t <= seconds; t += step) {
      double x = left + (double) t / seconds * pw;
      s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%d s</text>%n", x, top + ph + 18, t));
    }
    double by = top + ph - (Math.log10(budgetMs) - logMin) / (logMax - logMin) * ph;
    s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#000' stroke-dasharray='6,4'/>%n",
        left, left + pw, by, by));
    int k = 0;
    for (Curve c : curves) {
      double[] v = c.p99PerSecondMs();
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          pen = false; // a second without controls: a gap, not a line through it
          continue;
        }
        double x = left + (i + 0.5) / seconds * pw;
        double y = top + ph - (Math.log10(Math.max(Math.pow(10, logMin), v[i])) - logMin) / (logMax - logMin) * ph;
        path.append(pen ? "L" : "M").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        pen = true;
      }
      if (path.length() > 0) {
        s.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='1.5'/>%n", path, COLORS[k % COLORS.length]));
      }
      k++;
    }
  }

  /** Horizontal lines and labels at each power of ten of a log-scale millisecond axis. */
  private static void msGrid(StringBuilder s, int left, int top, int pw, int ph, double logMin, double logMax) {
    for (int d = (int) Math.ceil(logMin); d <= Math.floor(logMax); d++) {
      double y = top + ph - (d - logMin) / (logMax - logMin) * ph;
      s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/><text x='%d' y='%.1f' text-anchor='end'>%s ms</text>%n",
          left, left + pw, y, y, left - 6, y + 4, d < 0 ? String.format(Locale.ROOT, "%." + (-d) + "f", Math.pow(10, d)) : String.valueOf((long) Math.pow(10, d))));
    }
  }

  private static String fmt(double v) {
    return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
