package io.dailycup.analytics.job.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A dashboard stand-in: reads the summary's per-day totals in a loop, as fast as it can, and
 * classifies every read against the two states a refresh may show: each day as it was before, or as
 * it is after. Anything else is a bad read: an empty table, a missing day, or a day with figures of
 * neither state (half written).
 */
public final class SummaryReader implements AutoCloseable {

  /** A day's rows and messages. */
  public record DayTotals(long rows, long messages) {}

  /** What the reader saw. */
  public record Report(
      long reads, long emptyReads, long missingDayReads, long partialDayReads, long failedReads) {

    public long badReads() {
      return emptyReads + missingDayReads + partialDayReads + failedReads;
    }
  }

  private final DataSource dataSource;
  private final String table;
  private final Map<LocalDate, DayTotals> before;
  private final Map<LocalDate, DayTotals> after;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong empty = new AtomicLong();
  private final AtomicLong missingDay = new AtomicLong();
  private final AtomicLong partialDay = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;

  public SummaryReader(
      DataSource dataSource,
      String table,
      Map<LocalDate, DayTotals> before,
      Map<LocalDate, DayTotals> after) {
    this.dataSource = dataSource;
    this.table = table;
    this.before = before;
    this.after = after;
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

  public long reads() {
    return reads.get();
  }

  /** Stops reading (again is harmless) and says what was seen. */
  public Report stop() throws InterruptedException {
    running.set(false);
    thread.join();
    return new Report(reads.get(), empty.get(), missingDay.get(), partialDay.get(), failed.get());
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void readUntilStopped() {
    try (Connection connection = dataSource.getConnection()) {
      while (running.get()) {
        classify(read(connection));
      }
    } catch (SQLException e) {
      failed.incrementAndGet();
    }
  }

  private Map<LocalDate, DayTotals> read(Connection connection) {
    try {
      return dayTotals(connection, table);
    } catch (SQLException e) {
      failed.incrementAndGet();
      return null;
    }
  }

  private void classify(Map<LocalDate, DayTotals> seen) {
    if (seen == null) {
      return;
    }
    reads.incrementAndGet();
    if (seen.isEmpty()) {
      empty.incrementAndGet();
    } else if (!seen.keySet().containsAll(before.keySet())) {
      missingDay.incrementAndGet();
    } else if (seen.entrySet().stream().anyMatch(this::neitherState)) {
      partialDay.incrementAndGet();
    }
  }

  private boolean neitherState(Map.Entry<LocalDate, DayTotals> day) {
    return !day.getValue().equals(before.get(day.getKey()))
        && !day.getValue().equals(after.get(day.getKey()));
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
