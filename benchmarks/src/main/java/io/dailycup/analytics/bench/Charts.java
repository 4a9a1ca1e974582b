package io.dailycup.analytics.bench;

import io.dailycup.analytics.bench.Availability.TimedRead;
import io.dailycup.analytics.bench.Availability.Watched;
import io.dailycup.analytics.job.testing.SummaryReader.Verdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's two plots, as PNG files beside the report. */
final class Charts {

  static final String REFRESH_TIME = "refresh-time.png";
  static final String READER_VIEW = "reader-during-full-refresh.png";

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 620;
  private static final Color JOB = new Color(0x1f77b4);
  private static final Color BASELINE = new Color(0xff7f0e);
  private static final Color BAD = new Color(0xd62728);

  /** The height of one line of a marker label, in pixels. */
  private static final int LABEL_ROW_HEIGHT = 16;

  private static final List<Color> SCENARIO_COLORS =
      List.of(JOB, new Color(0x2ca02c), new Color(0x9467bd));
  private static final BasicStroke SOLID = new BasicStroke(2.2f);
  private static final BasicStroke DOTTED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1f, 5f}, 0f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f);

  private Charts() {}

  static void write(Results results, Path directory) throws IOException {
    save(refreshTime(results.sizes()), directory.resolve(REFRESH_TIME));
    save(readerView(results.largest()), directory.resolve(READER_VIEW));
  }

  /**
   * Median time of each refresh against source rows: the job's process, its code in a warm JVM, and
   * the bare SELECT beside them.
   */
  private static JFreeChart refreshTime(List<SizeResult> sizes) {
    XYSeriesCollection series = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    List<Scenario> plotted = List.of(Scenario.FULL, Scenario.BACKFILL, Scenario.INCREMENTAL);
    for (int i = 0; i < plotted.size(); i++) {
      Scenario scenario = plotted.get(i);
      XYSeries job = new XYSeries(scenario.label() + ": job");
      XYSeries inProcess = new XYSeries(scenario.label() + ": job's code, warm JVM");
      XYSeries bare = new XYSeries(scenario.label() + ": bare SELECT");
      for (SizeResult size : sizes) {
        job.add(size.rows(), size.medianRefreshSeconds(scenario));
        inProcess.add(size.rows(), size.medianInProcessSeconds(scenario));
        bare.add(size.rows(), size.medianBareSeconds(scenario));
      }
      style(renderer, series.getSeriesCount(), SCENARIO_COLORS.get(i), SOLID);
      series.addSeries(job);
      style(renderer, series.getSeriesCount(), SCENARIO_COLORS.get(i), DOTTED);
      series.addSeries(inProcess);
      style(renderer, series.getSeriesCount(), SCENARIO_COLORS.get(i), DASHED);
      series.addSeries(bare);
    }
    LogAxis rows = decades(new LogAxis("Source rows (365 days)"), "#,##0");
    LogAxis seconds = decades(new LogAxis("Seconds (median)"), "#,##0.###");
    return chart(
        "Refresh time: the job's process (solid), its code in a warm JVM (dotted), bare SELECT"
            + " (dashed)",
        styled(new XYPlot(series, rows, seconds, renderer)));
  }

  /**
   * What a polling reader saw during a full refresh, for the job and for TRUNCATE and repopulate:
   * the days each read found, and how long each read took.
   */
  private static JFreeChart readerView(SizeResult size) {
    Watched job = watched(size, Approach.JOB_FULL);
    Watched baseline = watched(size, Approach.TRUNCATE_AND_REPOPULATE);
    NumberAxis time = new NumberAxis("Seconds since the refresh started");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(12);
    styled(plot);
    plot.add(daysSeen(job, baseline), 3);
    plot.add(readTimes(job, baseline), 2);
    return chart(
        "A reader polling the summary during a full refresh (%s source rows)"
            .formatted(Report.count(size.rows())),
        plot);
  }

  private static XYPlot daysSeen(Watched job, Watched baseline) {
    XYSeriesCollection series = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    addReads(series, renderer, job, JOB, TimedRead::days);
    addReads(series, renderer, baseline, BASELINE, TimedRead::days);
    XYSeries bad = new XYSeries("empty, missing-day or partial-day read");
    for (Watched watched : List.of(job, baseline)) {
      watched.reads().stream()
          .filter(read -> read.verdict() != Verdict.CONSISTENT)
          .forEach(read -> bad.add(read.startSeconds(), read.days()));
    }
    int badIndex = series.getSeriesCount();
    series.addSeries(bad);
    renderer.setSeriesPaint(badIndex, BAD);
    renderer.setSeriesLinesVisible(badIndex, false);
    renderer.setSeriesShapesVisible(badIndex, true);
    renderer.setSeriesShape(badIndex, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    XYPlot plot = styled(new XYPlot(series, null, new NumberAxis("Days in the summary"), renderer));
    markEnd(plot, job, JOB, "job done", 0);
    markEnd(plot, baseline, BASELINE, "TRUNCATE done", 1);
    return plot;
  }

  private static XYPlot readTimes(Watched job, Watched baseline) {
    XYSeriesCollection series = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    addReads(series, renderer, job, JOB, TimedRead::tookMillis);
    addReads(series, renderer, baseline, BASELINE, TimedRead::tookMillis);
    for (int i = 0; i < series.getSeriesCount(); i++) {
      renderer.setSeriesShape(i, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
      renderer.setSeriesVisibleInLegend(i, false);
    }
    LogAxis millis = decades(new LogAxis("Read time (ms)"), "#,##0.#");
    return styled(new XYPlot(series, null, millis, renderer));
  }

  private static void addReads(
      XYSeriesCollection series,
      XYLineAndShapeRenderer renderer,
      Watched watched,
      Paint paint,
      ToDoubleFunction<TimedRead> value) {
    XYSeries reads = new XYSeries(watched.approach().label(), false);
    watched.reads().forEach(read -> reads.add(read.startSeconds(), value.applyAsDouble(read)));
    renderer.setSeriesPaint(series.getSeriesCount(), paint);
    renderer.setSeriesStroke(series.getSeriesCount(), new BasicStroke(1.6f));
    series.addSeries(reads);
  }

  /** A dashed line where the refresh ended, labelled in its own {@code row} at the top. */
  private static void markEnd(XYPlot plot, Watched watched, Color color, String label, int row) {
    ValueMarker end = new ValueMarker(Stats.seconds(watched.refreshTook()), color, DASHED);
    end.setLabel(label);
    end.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    end.setLabelPaint(color);
    end.setLabelBackgroundColor(new Color(0, 0, 0, 0));
    end.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    end.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    end.setLabelOffset(new RectangleInsets(3 + LABEL_ROW_HEIGHT * row, 3, 3, 3));
    plot.addDomainMarker(end);
  }

  /** Ticks at powers of ten only: 0.01, 0.1, 1, 10, rather than 10^0.5 steps. */
  private static LogAxis decades(LogAxis axis, String format) {
    axis.setStandardTickUnits(new NumberTickUnitSource(true));
    axis.setNumberFormatOverride(new DecimalFormat(format));
    axis.setMinorTickMarksVisible(true);
    return axis;
  }

  private static void style(
      XYLineAndShapeRenderer renderer, int index, Paint paint, BasicStroke stroke) {
    renderer.setSeriesPaint(index, paint);
    renderer.setSeriesStroke(index, stroke);
  }

  private static Watched watched(SizeResult size, Approach approach) {
    return size.availability().stream()
        .filter(watched -> watched.approach() == approach)
        .findFirst()
        .orElseThrow();
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static XYPlot styled(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static void save(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
