package io.dailycup.analytics.job.demo;

import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Generates DailyCup-like integration messages, the same ones for the same seed: a few integrations
 * of very different volume, both directions, mostly delivered with some failures, busy afternoons
 * and quiet nights, quieter weekends, and late rows that arrive after their day was summarised.
 */
public final class SampleMessages {

  private static final int BATCH = 2_000;

  private static final List<Weighted> INTEGRATIONS =
      List.of(
          new Weighted("shopify", 35),
          new Weighted("stripe", 20),
          new Weighted("sendgrid", 15),
          new Weighted("twilio", 10),
          new Weighted("quickbooks", 8),
          new Weighted("hubspot", 7),
          new Weighted("slack", 5));
  private static final List<Weighted> DIRECTIONS =
      List.of(new Weighted("inbound", 55), new Weighted("outbound", 45));
  private static final List<Weighted> STATUSES =
      List.of(
          new Weighted("delivered", 900),
          new Weighted("retried", 50),
          new Weighted("failed", 40),
          new Weighted("rejected", 10));

  private final SplittableRandom random;

  public SampleMessages(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Inserts about {@code meanPerDay} messages for each day of the window; returns the count. */
  public long insertDays(
      DataSource dataSource, TableName table, RefreshWindow window, int meanPerDay)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Batch batch = new Batch(connection, table)) {
      for (LocalDate day = window.first(); !day.isAfter(window.last()); day = day.plusDays(1)) {
        Instant start = day.atStartOfDay(window.zone()).toInstant();
        long seconds =
            day.plusDays(1).atStartOfDay(window.zone()).toEpochSecond() - start.getEpochSecond();
        int count =
            (int)
                Math.round(
                    meanPerDay
                        * weekdayFactor(day.getDayOfWeek())
                        * (0.85 + 0.3 * random.nextDouble()));
        for (int i = 0; i < count; i++) {
          batch.add(start.plusMillis(diurnalMillis(seconds)));
        }
      }
      return batch.finish();
    }
  }

  /**
   * Inserts {@code count} messages recorded late: their times fall anywhere in the window, which
   * has usually been summarised already, so only a refresh of those days counts them.
   */
  public long insertLate(DataSource dataSource, TableName table, RefreshWindow window, int count)
      throws SQLException {
    Instant start = window.first().atStartOfDay(window.zone()).toInstant();
    long span =
        window.last().plusDays(1).atStartOfDay(window.zone()).toInstant().toEpochMilli()
            - start.toEpochMilli();
    try (Connection connection = dataSource.getConnection();
        Batch batch = new Batch(connection, table)) {
      for (int i = 0; i < count; i++) {
        batch.add(start.plusMillis(random.nextLong(span)));
      }
      return batch.finish();
    }
  }

  /** A time of day, in milliseconds after midnight, drawn from a curve peaking mid-afternoon. */
  private long diurnalMillis(long daySeconds) {
    while (true) {
      long millis = random.nextLong(daySeconds * 1000);
      double hour = millis / 3_600_000.0;
      double weight = 0.55 + 0.45 * Math.cos((hour - 14.0) / 24.0 * 2 * Math.PI);
      if (random.nextDouble() < weight) {
        return millis;
      }
    }
  }

  private static double weekdayFactor(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.6 : 1.0;
  }

  private String pick(List<Weighted> choices) {
    int total = choices.stream().mapToInt(Weighted::weight).sum();
    int roll = random.nextInt(total);
    for (Weighted choice : choices) {
      roll -= choice.weight();
      if (roll < 0) {
        return choice.value();
      }
    }
    throw new IllegalStateException("weights are positive");
  }

  private record Weighted(String value, int weight) {}

  /** Buffers rows into multi-row inserts, committed a batch at a time. */
  private final class Batch implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;
    private long inserted;

    Batch(Connection connection, TableName table) throws SQLException {
      this.connection = connection;
      connection.setAutoCommit(false);
      this.insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table.quoted()
                  + " (integration, direction, status, created_at, processing_ms, payload_bytes)"
                  + " VALUES (?, ?, ?, ?, ?, ?)");
    }

    void add(Instant createdAt) throws SQLException {
      String status = pick(STATUSES);
      insert.setString(1, pick(INTEGRATIONS));
      insert.setString(2, pick(DIRECTIONS));
      insert.setString(3, status);
      insert.setObject(4, LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC));
      if (status.equals("rejected")) {
        insert.setNull(5, Types.INTEGER);
      } else {
        insert.setInt(5, (int) Math.min(60_000, Math.exp(3 + 1.6 * random.nextDouble() * 2)));
      }
      insert.setInt(6, 200 + random.nextInt(random.nextInt(10) < 9 ? 4_000 : 60_000));
      insert.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    }

    long finish() throws SQLException {
      flush();
      return inserted;
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        connection.commit();
        inserted += pending;
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }
}
