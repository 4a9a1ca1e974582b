package io.dailycup.analytics.job.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A dashboard stand-in: reads the summary's per-day totals in a loop, as fast as it can, and
 * classifies every read against the two states a refresh may show: each day as it was before, or as
 * it is after. Anything else is a bad read: an empty table, a missing day, or a day with figures of
 * neither state (half written). It also times every read, since a refresh that blocks readers is no
 * better for a dashboard than one that shows them nothing.
 */
public final class SummaryReader implements AutoCloseable {

  /** A day's rows and messages. */
  public record DayTotals(long rows, long messages) {}

  /** What one read showed. */
  public enum Verdict {
    /** Every day as it was before the refresh or as it is after it. */
    CONSISTENT,
    EMPTY,
    MISSING_DAY,
    PARTIAL_DAY,
    /** The query failed. */
    FAILED
  }

  /**
   * One read: when it started and how long it took ({@link System#nanoTime()}), how many days it
   * saw, and its verdict.
   */
  public record Read(long startedNanos, long tookNanos, int days, Verdict verdict) {}

  /** What the reader saw; {@code reads} counts the reads that did not fail. */
  public record Report(
      long reads,
      long emptyReads,
      long missingDayReads,
      long partialDayReads,
      long failedReads,
      Duration longestRead) {

    public long badReads() {
      return emptyReads + missingDayReads + partialDayReads + failedReads;
    }
  }

  private final DataSource dataSource;
  private final String table;
  private final Map<LocalDate, DayTotals> before;
  private final Map<LocalDate, DayTotals> after;
  private final Duration pause;
  private final Consumer<Read> observer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Verdict, AtomicLong> counts = new EnumMap<>(Verdict.class);
  private final AtomicLong longestNanos = new AtomicLong();
  private final Thread thread;

  public SummaryReader(
      DataSource dataSource,
      String table,
      Map<LocalDate, DayTotals> before,
      Map<LocalDate, DayTotals> after) {
    this(dataSource, table, before, after, Duration.ZERO, read -> {});
  }

  /**
   * A reader that pauses between reads, as a dashboard polls, rather than taking a core of a small
   * machine from the refresh it watches, and that hands every read to {@code observer}, on the
   * reader's thread.
   */
  public SummaryReader(
      DataSource dataSource,
      String table,
      Map<LocalDate, DayTotals> before,
      Map<LocalDate, DayTotals> after,
      Duration pause,
      Consumer<Read> observer) {
    this.dataSource = dataSource;
    this.table = table;
    this.before = before;
    this.after = after;
    this.pause = pause;
    this.observer = observer;
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict, new AtomicLong());
    }
    this.thread = new Thread(this::readUntilStopped, "summary-reader");
    thread.start();
  }

  /** The per-day totals of a summary table now. */
  public static Map<LocalDate, DayTotals> dayTotals(DataSource dataSource, String table)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return dayTotals(connection, table);
    }
  }

  /** Reads that did not fail, so far. */
  public long reads() {
    return counts.entrySet().stream()
        .filter(entry -> entry.getKey() != Verdict.FAILED)
        .mapToLong(entry -> entry.getValue().get())
        .sum();
  }

  /** Stops reading (again is harmless) and says what was seen. */
  public Report stop() throws InterruptedException {
    running.set(false);
    thread.join();
    return new Report(
        reads(),
        count(Verdict.EMPTY),
        count(Verdict.MISSING_DAY),
        count(Verdict.PARTIAL_DAY),
        count(Verdict.FAILED),
        Duration.ofNanos(longestNanos.get()));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void readUntilStopped() {
    try (Connection connection = dataSource.getConnection()) {
      while (running.get()) {
        record(timedRead(connection));
        pause();
      }
    } catch (SQLException e) {
      counts.get(Verdict.FAILED).incrementAndGet();
    }
  }

  private void pause() {
    if (pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  private Read timedRead(Connection connection) {
    long started = System.nanoTime();
    try {
      Map<LocalDate, DayTotals> seen = dayTotals(connection, table);
      return new Read(started, System.nanoTime() - started, seen.size(), classify(seen));
    } catch (SQLException e) {
      return new Read(started, System.nanoTime() - started, 0, Verdict.FAILED);
    }
  }

  private void record(Read read) {
    counts.get(read.verdict()).incrementAndGet();
    longestNanos.accumulateAndGet(read.tookNanos(), Math::max);
    observer.accept(read);
  }

  private Verdict classify(Map<LocalDate, DayTotals> seen) {
    if (seen.isEmpty()) {
      return Verdict.EMPTY;
    }
    if (!seen.keySet().containsAll(before.keySet())) {
      return Verdict.MISSING_DAY;
    }
    if (seen.entrySet().stream().anyMatch(this::neitherState)) {
      return Verdict.PARTIAL_DAY;
    }
    return Verdict.CONSISTENT;
  }

  private boolean neitherState(Map.Entry<LocalDate, DayTotals> day) {
    return !day.getValue().equals(before.get(day.getKey()))
        && !day.getValue().equals(after.get(day.getKey()));
  }

  private long count(Verdict verdict) {
    return counts.get(verdict).get();
  }

  private static Map<LocalDate, DayTotals> dayTotals(Connection connection, String table)
      throws SQLException {
    Map<LocalDate, DayTotals> totals = new HashMap<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT day, COUNT(*), SUM(message_count) FROM `" + table + "` GROUP BY day");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        totals.put(
            rows.getObject(1, LocalDate.class), new DayTotals(rows.getLong(2), rows.getLong(3)));
      }
    }
    return totals;
  }
}
