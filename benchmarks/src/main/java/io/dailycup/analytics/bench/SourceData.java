package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.SchemaScript;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Fills a benchmark's source table with the demo's generator, {@link SampleMessages}: the same rows
 * for the same seed and end day. Seven integrations whose volumes (35, 20, 15, 10, 8, 7, 5) follow
 * Zipf's law closely, two directions, four statuses, a diurnal curve peaking mid-afternoon, quieter
 * weekends, and about 3% late rows, inserted after all the others with times anywhere in the year.
 */
final class SourceData {

  /** The benchmark's days are UTC days: the job's zone handling is tested elsewhere. */
  static final ZoneId ZONE = ZoneOffset.UTC;

  static final int DAYS = 365;

  /** SampleMessages makes weekend days 40% quieter, so a day averages this share of its mean. */
  private static final double AVERAGE_DAY_SHARE = (5 + 2 * 0.6) / 7;

  /** The rest are late rows. */
  private static final double ON_TIME_SHARE = 0.97;

  /** A loaded table. */
  record Loaded(long rows, long lateRows, Duration took, RefreshWindow days) {

    long rowsPerSecond() {
      return rows * 1000 / Math.max(1, took.toMillis());
    }
  }

  private SourceData() {}

  /** Creates {@code table} and loads exactly {@code rows} messages over the 365 days to today. */
  static Loaded load(TestDatabase db, TableName table, long rows, LocalDate today, long seed)
      throws SQLException {
    db.execute(SchemaScript.load().sourceTable(table));
    RefreshWindow year = RefreshWindow.lastDays(DAYS, today, ZONE);
    SampleMessages messages = new SampleMessages(seed);
    int meanPerDay = (int) Math.round(rows * ON_TIME_SHARE / (DAYS * AVERAGE_DAY_SHARE));

    long started = System.nanoTime();
    long onTime = messages.insertDays(db.dataSource(), table, year, meanPerDay);
    if (onTime > rows) {
      throw new IllegalStateException(
          "the generator made %d rows on time, more than the %d asked for".formatted(onTime, rows));
    }
    long late = messages.insertLate(db.dataSource(), table, year, Math.toIntExact(rows - onTime));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    analyze(db, table);
    return new Loaded(onTime + late, late, took, year);
  }

  /**
   * Copies {@code from} into a new table {@code to}, keeping every row from {@code keepFrom} on and
   * every tenth older one: the same recent days in a table a fraction of the size.
   */
  static long copyThinned(TestDatabase db, TableName from, TableName to, RefreshWindow keep)
      throws SQLException {
    db.execute(SchemaScript.load().sourceTable(to));
    db.execute(
        "INSERT INTO "
            + to.quoted()
            + " SELECT * FROM "
            + from.quoted()
            + " WHERE created_at >= ? OR id % 10 = 0",
        keep.utcStart());
    analyze(db, to);
    return db.queryLong("SELECT COUNT(*) FROM " + to.quoted());
  }

  /** Fresh index statistics, so that every size starts from the same optimizer knowledge. */
  private static void analyze(TestDatabase db, TableName table) throws SQLException {
    db.execute("ANALYZE TABLE " + table.quoted());
  }
}
