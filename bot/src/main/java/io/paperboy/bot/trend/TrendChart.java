package io.paperboy.bot.trend;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.PeriodCount;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a trend as a PNG with XChart: one line per series over the periods' first days, the
 * query as the title, both axes labelled, and the counts' source as a line under the chart. Every
 * text uses {@link ChartFont}. Rendering is headless: no display is needed or used.
 */
final class TrendChart {

  static final int WIDTH = 1200;
  static final int HEIGHT = 600;
  /** Room under XChart's image for the source line. */
  private static final int FOOTER = 34;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e)};
  private static final Color FOOTER_TEXT = new Color(0x555555);

  static {
    ChartFont.headless();
  }

  /**
   * One line of the chart.
   *
   * @param name   the legend entry (the query as typed)
   * @param counts one count per period, oldest first, the same periods in every series
   */
  record Series(String name, List<PeriodCount> counts) {
    Series {
      Objects.requireNonNull(name, "name");
      counts = List.copyOf(counts);
      if (counts.isEmpty()) {
        throw new IllegalArgumentException("a series needs at least one period");
      }
    }
  }

  /**
   * What to draw.
   *
   * @param title  the chart's title
   * @param xAxis  the x axis label
   * @param yAxis  the y axis label
   * @param source the line under the chart saying where the counts come from
   * @param by     the periods' length, for the date labels
   * @param series one or two series over the same periods
   */
  record Spec(String title, String xAxis, String yAxis, String source, CountPeriod by, List<Series> series) {
    Spec {
      series = List.copyOf(series);
      if (series.isEmpty() || series.size() > COLORS.length) {
        throw new IllegalArgumentException("a trend chart draws 1 to " + COLORS.length + " series, not " + series.size());
      }
    }
  }

  private TrendChart() {}

  /** The chart as PNG bytes, {@value #WIDTH}×{@value #HEIGHT}. */
  static byte[] png(Spec spec) {
    XYChart chart = chart(spec);
    BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.drawImage(plot, 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      Font font = ChartFont.plain(14f);
      g.setFont(font);
      g.setColor(FOOTER_TEXT);
      g.drawString(fit(spec.source(), g, WIDTH - 40), 20, HEIGHT - 13);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the chart PNG failed", e);
    }
    return out.toByteArray();
  }

  private static XYChart chart(Spec spec) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - FOOTER)
        .title(spec.title()).xAxisTitle(spec.xAxis()).yAxisTitle(spec.yAxis()).build();
    var styler = chart.getStyler();
    styler.setBaseFont(ChartFont.plain(14f));
    styler.setChartTitleFont(ChartFont.bold(22f));
    styler.setAxisTitleFont(ChartFont.plain(16f));
    styler.setAxisTickLabelsFont(ChartFont.plain(13f));
    styler.setLegendFont(ChartFont.plain(15f));
    styler.setAnnotationTextFont(ChartFont.plain(12f));
    styler.setAnnotationTextPanelFont(ChartFont.plain(12f));
    styler.setToolTipFont(ChartFont.plain(12f));
    styler.setChartButtonFont(ChartFont.plain(12f));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(new Color(0xe5e5e5));
    styler.setLegendPosition(Styler.LegendPosition.InsideNW);
    styler.setLegendBorderColor(new Color(0xcccccc));
    styler.setSeriesColors(COLORS);
    styler.setMarkerSize(6);
    styler.setAntiAlias(true);
    // x values are the periods' first days at midnight UTC, so UTC labels show those very dates
    styler.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    styler.setLocale(Locale.ROOT);
    styler.setDatePattern(spec.by() == CountPeriod.MONTH ? "yyyy-MM" : "yyyy-MM-dd");
    styler.setYAxisMin(0.0);
    int max = spec.series().stream().flatMap(s -> s.counts().stream()).mapToInt(PeriodCount::papers).max().orElse(0);
    styler.setYAxisMax((double) Math.max(4, max + (max + 9) / 10));
    // counts are whole numbers: a tick XChart puts between two (at 0.5 for a small maximum) stays unlabelled
    styler.setyAxisTickLabelsFormattingFunction(v -> v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", v.longValue()) : "");
    for (Series s : spec.series()) {
      List<Date> x = new ArrayList<>(s.counts().size());
      List<Integer> y = new ArrayList<>(s.counts().size());
      for (PeriodCount c : s.counts()) {
        x.add(Date.from(c.start().atStartOfDay(ZoneOffset.UTC).toInstant()));
        y.add(c.papers());
      }
      XYSeries line = chart.addSeries(s.name(), x, y);
      line.setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  /** {@code text} cut with an ellipsis to fit {@code width} pixels in {@code g}'s font. */
  private static String fit(String text, Graphics2D g, int width) {
    if (g.getFontMetrics().stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && g.getFontMetrics().stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }
}
