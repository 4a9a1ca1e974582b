package io.dailycup.analytics.bench;

import io.dailycup.analytics.bench.Availability.Watched;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The run's figures as Markdown: the targets first, then every figure behind them. */
final class Report {

  static final String FILE = "results.md";

  private final Results results;
  private final List<String> lines = new ArrayList<>();

  private Report(Results results) {
    this.results = results;
  }

  static String markdown(Results results) {
    Report report = new Report(results);
    report.header();
    report.targets();
    report.refreshTimes();
    report.process();
    report.startUp();
    report.readers();
    report.sources();
    report.plans();
    report.plots();
    return String.join("\n", report.lines) + "\n";
  }

  /** 20k, 1M, 10M; other counts in full. */
  static String count(long rows) {
    if (rows % 1_000_000 == 0) {
      return rows / 1_000_000 + "M";
    }
    return rows % 1_000 == 0 ? rows / 1_000 + "k" : "%,d".formatted(rows);
  }

  private void header() {
    Machine machine = results.machine();
    ServerFacts server = results.server();
    add("# Refresh job benchmark");
    add("");
    List<Double> load = results.loadAverages();
    add(
        "Run %s UTC, %.0f s. Machine: %s, %d cores, %,d MiB, %s, %s."
            .formatted(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(results.started().atOffset(ZoneOffset.UTC)),
                Stats.seconds(results.took()),
                machine.cpu(),
                machine.cores(),
                machine.memoryMegabytes(),
                machine.system(),
                machine.java()));
    add("");
    if (!load.isEmpty()) {
      add(
          ("Load average (one minute, sampled every 10 s): %.1f at least, %.1f median, %.1f at"
                  + " most; above %d, other work was competing for the cores.")
              .formatted(
                  Stats.min(load, Double::doubleValue),
                  Stats.median(load, Double::doubleValue),
                  Stats.max(load, Double::doubleValue),
                  machine.cores()));
      add("");
    }
    add(
        "Database: %s %s, buffer pool %,d MiB, redo log %,d MiB, innodb_flush_log_at_trx_commit=%d."
            .formatted(
                results.serverKind(),
                server.version(),
                server.bufferPoolMegabytes(),
                server.redoLogMegabytes(),
                server.flushLogAtCommit()));
    add("");
    add(
        ("Job: the standalone jar run as a child process with the image's JVM options, %s. Each"
                + " size: %d unmeasured round(s), then %d measured rounds of every refresh, each"
                + " job run followed by the bare SELECT over the days it rebuilt; figures are"
                + " medians.")
            .formatted(
                String.join(" ", results.jobJavaOptions()),
                results.warmUpRounds(),
                results.repeats()));
    add("");
  }

  private void targets() {
    add("## Targets");
    add("");
    add("| Target | Measured | Met |");
    add("|---|---|---|");
    for (Targets.Row row : Targets.check(results)) {
      add("| %s | %s | %s |".formatted(row.target(), row.measured(), row.met() ? "yes" : "**no**"));
    }
    add("");
  }

  private void refreshTimes() {
    add("## Refresh time");
    add("");
    add(
        "Job: the job process's statements that rebuild the days, from its plan line to its last"
            + " progress line. In-process: the job's refresh code over the same days in the"
            + " benchmark's warm JVM. Reported: the process's run as the job reports it (JSON"
            + " `durationSeconds`: from taking the lock to the last statement). Process: from"
            + " starting the process to its exit. Ratios are medians of each round's ratio.");
    add("");
    add(
        "| Rows | Refresh | Job (s) | Bare SELECT (s) | Job / SELECT | In-process (s) | In-process"
            + " / SELECT | Reported (s) | Process (s) |");
    add("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (SizeResult size : results.sizes()) {
      for (Scenario scenario : Scenario.values()) {
        add(
            "| %s | %s | %.3f | %.3f | %.2f× | %.3f | %.2f× | %.3f | %.3f |"
                .formatted(
                    count(size.rows()),
                    scenario.label(),
                    size.medianRefreshSeconds(scenario),
                    size.medianBareSeconds(scenario),
                    size.medianRatio(scenario),
                    size.medianInProcessSeconds(scenario),
                    size.medianInProcessRatio(scenario),
                    size.medianReportedSeconds(scenario),
                    size.medianWallSeconds(scenario)));
      }
    }
    add("");
  }

  private void process() {
    add("## The job's process");
    add("");
    add(
        "Medians over every run at the size; memory is the largest of any run. Start to lock: the"
            + " JVM, the first connection, the lock. Preparation: a second connection, the summary"
            + " created if missing, the source's first and last day. Start-up: the two together,"
            + " all before the first refresh statement. Finish: dropping the replaced table (full"
            + " refresh), closing the pool, the JVM's exit. Overhead: all but the refresh's"
            + " statements.");
    add("");
    add(
        "| Rows | Start to lock (s) | Preparation (s) | Start-up (s) | Finish (s) | Overhead (s) |"
            + " Peak heap (MB) | Peak RSS (MB) |");
    add("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (SizeResult size : results.sizes()) {
      List<JobRun> runs = size.jobRuns();
      add(
          "| %s | %s | %.3f | %.3f | %s |"
              .formatted(
                  count(size.rows()),
                  startUpColumns(runs),
                  Stats.median(runs, r -> Stats.seconds(r.finish())),
                  Stats.median(runs, r -> Stats.seconds(r.overhead())),
                  memoryColumns(runs)));
    }
    add("");
    add(
        "Starting and stopping the JVM alone (`analytics-refresh --version`): %.3f s."
            .formatted(Stats.median(results.startAndExit(), Stats::seconds)));
    add("");
  }

  private void startUp() {
    add("## Start-up by JVM options");
    add("");
    add(
        "The 7-day incremental run with each set of JVM options in turn, interleaved, %d times at"
                .formatted(results.repeats())
            + " each size; medians, memory the largest. The other tables use the image's options.");
    add("");
    add(
        "| Rows | JVM options | Start to lock (s) | Preparation (s) | Start-up (s) | Process (s) |"
            + " Peak heap (MB) | Peak RSS (MB) |");
    add("|---:|---|---:|---:|---:|---:|---:|---:|");
    for (SizeResult size : results.sizes()) {
      size.startUp()
          .forEach(
              (jvm, runs) ->
                  add(
                      "| %s | %s | %s | %.3f | %s |"
                          .formatted(
                              count(size.rows()),
                              jvm.label(),
                              startUpColumns(runs),
                              Stats.median(runs, r -> Stats.seconds(r.wall())),
                              memoryColumns(runs))));
    }
    add("");
  }

  /** Start to lock, preparation and the two together, in seconds: medians of {@code runs}. */
  private static String startUpColumns(List<JobRun> runs) {
    return "%.3f | %.3f | %.3f"
        .formatted(
            Stats.median(runs, r -> Stats.seconds(r.toLock())),
            Stats.median(runs, r -> Stats.seconds(r.preparation())),
            Stats.median(runs, r -> Stats.seconds(r.startup())));
  }

  /** Peak heap and peak resident memory in MB: the largest of {@code runs}. */
  private static String memoryColumns(List<JobRun> runs) {
    return "%.0f | %.0f"
        .formatted(
            Stats.max(runs, JobRun::peakHeapBytes) / (1 << 20),
            Stats.max(runs, JobRun::peakResidentBytes) / (1 << 20));
  }

  private void readers() {
    add("## Readers during a refresh");
    add("");
    add(
        "| Rows | Refresh | Took (s) | Reads | Empty | Missing day | Partial day | Failed"
            + " | Longest read (ms) |");
    add("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (SizeResult size : results.sizes()) {
      for (Watched watched : size.availability()) {
        var report = watched.report();
        add(
            "| %s | %s | %.2f | %,d | %,d | %,d | %,d | %,d | %.0f |"
                .formatted(
                    count(size.rows()),
                    watched.approach().label(),
                    Stats.seconds(watched.refreshTook()),
                    report.reads(),
                    report.emptyReads(),
                    report.missingDayReads(),
                    report.partialDayReads(),
                    report.failedReads(),
                    report.longestRead().toNanos() / 1e6));
      }
    }
    add("");
  }

  private void sources() {
    add("## Source tables");
    add("");
    add(
        "| Rows | Late rows | Generated in (s) | Rows/s | On disk (MB) | Summary rows | Rows of the"
            + " 1/10 copy |");
    add("|---:|---:|---:|---:|---:|---:|---:|");
    for (SizeResult size : results.sizes()) {
      add(
          "| %s | %,d | %.1f | %,d | %,d | %,d | %,d |"
              .formatted(
                  count(size.rows()),
                  size.load().lateRows(),
                  Stats.seconds(size.load().took()),
                  size.load().rowsPerSecond(),
                  size.sourceMegabytes(),
                  size.summaryRows(),
                  size.smallTableRows()));
    }
    add("");
  }

  private void plans() {
    SizeResult largest = results.largest();
    add("## Plans (%s rows, one day)".formatted(count(largest.rows())));
    add("");
    add("The bare SELECT:");
    add("");
    lines.addAll(largest.explainSelect());
    add("");
    add("The job's INSERT … SELECT:");
    add("");
    lines.addAll(largest.explainInsert());
    add("");
  }

  private void plots() {
    add("## Plots");
    add("");
    add("![Refresh time against source rows](%s)".formatted(Charts.REFRESH_TIME));
    add("");
    add("![What a reader saw during a full refresh](%s)".formatted(Charts.READER_VIEW));
  }

  private void add(String line) {
    lines.add(line);
  }
}
