package io.dailycup.analytics.bench;

import io.dailycup.analytics.bench.Availability.Watched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The design's targets for the refresh, each checked against what was measured. The ratio targets
 * are set for 10 million rows; they are checked at the largest size of the run, which the row
 * names.
 */
final class Targets {

  /** One target, the figure measured for it, and whether it was met. */
  record Row(String target, String measured, boolean met) {}

  static final double FULL_RATIO = 1.3;
  static final double INCREMENTAL_RATIO = 1.5;
  static final double SIZE_TOLERANCE = 0.30;
  static final long HEAP_LIMIT_BYTES = 128L << 20;
  static final double OVERHEAD_SECONDS = 1.5;

  private Targets() {}

  static List<Row> check(Results results) {
    List<Row> rows = new ArrayList<>();
    SizeResult largest = results.largest();
    rows.add(ratio(largest, Scenario.FULL, FULL_RATIO));
    rows.add(ratio(largest, Scenario.INCREMENTAL, INCREMENTAL_RATIO));
    if (results.sizes().size() > 1) {
      rows.add(incrementalAcrossSizes(results.smallest(), largest));
    }
    rows.add(incrementalOnSmallerTable(largest));
    rows.add(readers(results));
    rows.add(heap(results));
    rows.add(overhead(results));
    return rows;
  }

  private static Row ratio(SizeResult size, Scenario scenario, double limit) {
    double ratio = size.medianRatio(scenario);
    return new Row(
        "%s within %.1f× the bare SELECT over the same days (%s rows)"
            .formatted(scenario.label(), limit, Report.count(size.rows())),
        "%.2f× (job %.3f s, SELECT %.3f s)"
            .formatted(
                ratio, size.medianRefreshSeconds(scenario), size.medianBareSeconds(scenario)),
        ratio <= limit);
  }

  private static Row incrementalAcrossSizes(SizeResult small, SizeResult large) {
    return withinTolerance(
        "7-day incremental at %s rows within ±30%% of its time at %s rows"
            .formatted(Report.count(large.rows()), Report.count(small.rows())),
        large.medianRefreshSeconds(Scenario.INCREMENTAL),
        small.medianRefreshSeconds(Scenario.INCREMENTAL));
  }

  /** The same 7 days in a table a fraction of the size: only the table's size differs. */
  private static Row incrementalOnSmallerTable(SizeResult size) {
    return withinTolerance(
        "7-day incremental independent of table size: the same 7 days in the %s-row table and"
                .formatted(Report.count(size.rows()))
            + " in a %s-row copy, within ±30%%".formatted(Report.count(size.smallTableRows())),
        size.medianRefreshSeconds(Scenario.INCREMENTAL),
        size.medianRefreshSeconds(Scenario.INCREMENTAL_SMALL_TABLE));
  }

  private static Row withinTolerance(String target, double seconds, double referenceSeconds) {
    double change = seconds / referenceSeconds;
    return new Row(
        target,
        "%.2f× (%.3f s against %.3f s)".formatted(change, seconds, referenceSeconds),
        Math.abs(change - 1) <= SIZE_TOLERANCE);
  }

  private static Row readers(Results results) {
    List<Watched> job = watched(results, w -> w.approach().isJob());
    List<Watched> baseline = watched(results, w -> !w.approach().isJob());
    long bad = job.stream().mapToLong(w -> w.report().badReads()).sum();
    long reads = job.stream().mapToLong(w -> w.report().reads()).sum();
    return new Row(
        "no empty, missing-day or partial-day read during any refresh of the job",
        "%d bad of %,d reads (TRUNCATE baseline: %s)".formatted(bad, reads, badReads(baseline)),
        bad == 0);
  }

  private static Row heap(Results results) {
    double peak = Stats.max(results.jobRuns(), JobRun::peakHeapBytes);
    return new Row(
        "the job's heap under 128 MB at every size",
        "peak %.0f MB in use (run with -Xmx%s)".formatted(peak / (1 << 20), results.jobHeap()),
        peak < HEAP_LIMIT_BYTES);
  }

  /**
   * The design's overhead is starting, connecting and locking: everything before the first refresh
   * statement. The median of each size, and the worst of those; the exit is shown beside.
   */
  private static Row overhead(Results results) {
    SizeResult worst =
        results.sizes().stream()
            .max(Comparator.comparingDouble(size -> medianSeconds(size, JobRun::startup)))
            .orElseThrow();
    double startup = medianSeconds(worst, JobRun::startup);
    return new Row(
        "process overhead (start, connect, lock) under 1.5 s",
        "%.2f s (%s rows; with the exit after the refresh, %.2f s)"
            .formatted(startup, Report.count(worst.rows()), medianSeconds(worst, JobRun::overhead)),
        startup < OVERHEAD_SECONDS);
  }

  private static double medianSeconds(SizeResult size, Function<JobRun, Duration> phase) {
    return Stats.median(size.jobRuns(), run -> Stats.seconds(phase.apply(run)));
  }

  private static List<Watched> watched(Results results, Predicate<Watched> which) {
    return results.sizes().stream()
        .flatMap(size -> size.availability().stream())
        .filter(which)
        .toList();
  }

  private static String badReads(List<Watched> watched) {
    long empty = watched.stream().mapToLong(w -> w.report().emptyReads()).sum();
    long missing = watched.stream().mapToLong(w -> w.report().missingDayReads()).sum();
    long partial = watched.stream().mapToLong(w -> w.report().partialDayReads()).sum();
    long reads = watched.stream().mapToLong(w -> w.report().reads()).sum();
    return "%,d empty, %,d missing-day, %,d partial-day of %,d reads"
        .formatted(empty, missing, partial, reads);
  }
}
