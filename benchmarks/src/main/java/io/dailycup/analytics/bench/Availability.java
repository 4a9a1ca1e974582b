package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.SummaryReader;
import io.dailycup.analytics.job.testing.SummaryReader.DayTotals;
import io.dailycup.analytics.job.testing.SummaryReader.Read;
import io.dailycup.analytics.job.testing.SummaryReader.Report;
import io.dailycup.analytics.job.testing.SummaryReader.Verdict;
import io.dailycup.analytics.job.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard sees while the summary is rebuilt: a {@link SummaryReader} polls it during one
 * refresh and classifies every read, and each read is kept for the plot. Before each refresh every
 * day of the source gets late rows, so that each day's state after the refresh differs from its
 * state before and a half-written day cannot pass for either.
 */
final class Availability {

  /** What one approach showed a reader. */
  record Watched(Approach approach, Report report, Duration refreshTook, List<TimedRead> reads) {}

  /** A read, placed in time from the start of the refresh (negative: before it). */
  record TimedRead(double startSeconds, double tookMillis, int days, Verdict verdict) {}

  /** A refresh under observation. */
  @FunctionalInterface
  interface Refresh {
    void run() throws Exception;
  }

  private static final int LATE_ROWS_PER_DAY = 2;

  /** A busy dashboard's pace: a hundred reads a second at most. */
  private static final Duration POLL_PAUSE = Duration.ofMillis(10);

  private static final Duration FIRST_READS_TIMEOUT = Duration.ofSeconds(30);

  private final TestDatabase db;
  private final TableName source;
  private final TableName summary;
  private final RefreshWindow history;
  private final SampleMessages lateMessages;

  Availability(
      TestDatabase db, TableName source, TableName summary, RefreshWindow history, long seed) {
    this.db = db;
    this.source = source;
    this.summary = summary;
    this.history = history;
    this.lateMessages = new SampleMessages(seed);
  }

  /** Runs {@code refresh}, which rebuilds the days of {@code rebuilt}, under a polling reader. */
  Watched watch(Approach approach, RefreshWindow rebuilt, Refresh refresh) throws Exception {
    addLateRowsToEveryDay();
    Map<LocalDate, DayTotals> before = SummaryReader.dayTotals(db.dataSource(), summary.name());
    Map<LocalDate, DayTotals> after = expectedAfter(before, rebuilt);
    List<Read> reads = Collections.synchronizedList(new ArrayList<>());
    long started;
    long finished;
    Report report;
    try (SummaryReader reader =
        new SummaryReader(db.dataSource(), summary.name(), before, after, POLL_PAUSE, reads::add)) {
      awaitFirstReads(reader);
      started = System.nanoTime();
      refresh.run();
      finished = System.nanoTime();
      report = reader.stop();
    }
    checkSummaryIs(after, approach);
    return new Watched(
        approach, report, Duration.ofNanos(finished - started), timeline(reads, started));
  }

  private void addLateRowsToEveryDay() throws SQLException {
    for (DayRange day : history.days()) {
      RefreshWindow oneDay = new RefreshWindow(day.day(), day.day(), SourceData.ZONE);
      lateMessages.insertLate(db.dataSource(), source, oneDay, LATE_ROWS_PER_DAY);
    }
  }

  /** The summary as it must be after the refresh: the source's figures for the rebuilt days. */
  private Map<LocalDate, DayTotals> expectedAfter(
      Map<LocalDate, DayTotals> before, RefreshWindow rebuilt) throws SQLException {
    Map<LocalDate, DayTotals> after = new HashMap<>(before);
    after.putAll(sourceDayTotals(rebuilt));
    return after;
  }

  /**
   * Rows and messages per day straight from the source, written independently of the job's SQL:
   * groups counted as distinct (integration, direction, status), days as UTC dates.
   */
  private Map<LocalDate, DayTotals> sourceDayTotals(RefreshWindow window) throws SQLException {
    Map<LocalDate, DayTotals> totals = new HashMap<>();
    try (Connection connection = db.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT DATE(created_at), COUNT(DISTINCT integration, direction, status),"
                    + " COUNT(*) FROM "
                    + source.quoted()
                    + " WHERE created_at >= ? AND created_at < ? GROUP BY DATE(created_at)")) {
      query.setObject(1, window.utcStart());
      query.setObject(2, window.utcEnd());
      try (ResultSet days = query.executeQuery()) {
        while (days.next()) {
          totals.put(
              days.getObject(1, LocalDate.class), new DayTotals(days.getLong(2), days.getLong(3)));
        }
      }
    }
    return totals;
  }

  /** The reader must be reading before the refresh starts, or its first reads prove nothing. */
  private static void awaitFirstReads(SummaryReader reader) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_READS_TIMEOUT.toNanos();
    while (reader.reads() < 3) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the summary reader made no reads in 30 s");
      }
      Thread.sleep(5);
    }
  }

  /** A refresh that left the wrong figures would make every verdict meaningless. */
  private void checkSummaryIs(Map<LocalDate, DayTotals> expected, Approach approach)
      throws SQLException {
    Map<LocalDate, DayTotals> actual = SummaryReader.dayTotals(db.dataSource(), summary.name());
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          approach.label() + " left a summary that differs from the source's aggregate");
    }
  }

  private static List<TimedRead> timeline(List<Read> reads, long refreshStarted) {
    synchronized (reads) {
      return reads.stream()
          .map(
              read ->
                  new TimedRead(
                      (read.startedNanos() - refreshStarted) / 1e9,
                      read.tookNanos() / 1e6,
                      read.days(),
                      read.verdict()))
          .toList();
    }
  }
}
