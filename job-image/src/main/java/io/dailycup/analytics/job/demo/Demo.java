package io.dailycup.analytics.job.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.dailycup.analytics.job.db.Database;
import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.Progress;
import io.dailycup.analytics.job.refresh.RefreshLock;
import io.dailycup.analytics.job.refresh.RefreshMode;
import io.dailycup.analytics.job.refresh.RefreshRequest;
import io.dailycup.analytics.job.refresh.RefreshResult;
import io.dailycup.analytics.job.refresh.RefreshSettings;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.refresh.Refresher;
import io.dailycup.analytics.job.sql.SchemaScript;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.verify.Verifier;
import io.dailycup.analytics.job.verify.VerifyReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The README's first command: the whole refresh on an embedded MariaDB, with sample data, printed
 * step by step so a newcomer sees what the job does and guarantees.
 */
public final class Demo {

  /** The demo's parameters; the defaults span a daylight-saving change in New York. */
  public record Options(int days, int messagesPerDay, ZoneId zone, long seed) {}

  private static final String DATABASE = "dailycup";
  private static final RefreshTables TABLES =
      new RefreshTables(
          TableName.of(SchemaScript.SOURCE_TABLE), TableName.of(SchemaScript.SUMMARY_TABLE));

  private final PrintStream out;
  private final Clock clock;
  private final Progress progress;

  public Demo(PrintStream out, Clock clock, Progress progress) {
    this.out = out;
    this.clock = clock;
    this.progress = progress;
  }

  public void run(Options options, Path workDirectory) throws Exception {
    Instant started = clock.instant();
    out.println("Analytics refresh demo: the daily summary of integration_messages, end to end.");
    try (EmbeddedMariaDb server = startServer(workDirectory);
        HikariDataSource pool = Database.open(server.settings(DATABASE), "analytics-demo")) {
      SchemaScript schema = SchemaScript.load();
      createSchema(pool, schema);
      LocalDate today = LocalDate.now(clock.withZone(options.zone()));
      RefreshWindow history = RefreshWindow.lastDays(options.days(), today, options.zone());
      SampleMessages messages = new SampleMessages(options.seed());
      generate(pool, messages, history, options.messagesPerDay());

      Refresher refresher =
          new Refresher(
              pool, TABLES, RefreshSettings.defaults(options.zone()), schema, clock, progress);
      RefreshWindow lastWeek = RefreshWindow.lastDays(7, today, options.zone());
      refreshAndVerify(pool, refresher, messages, history, lastWeek, options.messagesPerDay());
      showSkippedRun(pool, refresher, lastWeek);

      heading("5. The summary: messages per local day (" + options.zone() + ")");
      printDays(pool, history, lastWeek);
    }
    out.printf(
        "%nDemo finished in %.1fs. Next: docs/refresh-job.md for the commands and guarantees.%n",
        Duration.between(started, clock.instant()).toMillis() / 1000.0);
  }

  private void refreshAndVerify(
      HikariDataSource pool,
      Refresher refresher,
      SampleMessages messages,
      RefreshWindow history,
      RefreshWindow lastWeek,
      int perDay)
      throws Exception {
    heading("1. Full refresh: build a shadow table, check it, swap it in atomically");
    report(refresher.run(RefreshRequest.full(false)));

    heading("2. Late messages arrive for the last 7 days; verify notices");
    long late = messages.insertLate(pool, TABLES.source(), lastWeek, perDay / 10);
    out.printf("   %d late messages inserted%n", late);
    report(new Verifier(pool, TABLES).verify(lastWeek));

    heading("3. Incremental refresh of 7 days: replaced day by day in one transaction");
    report(refresher.run(RefreshRequest.window(RefreshMode.INCREMENTAL, lastWeek, false)));
    report(new Verifier(pool, TABLES).verify(history));
  }

  /** Holds the table's lock as a concurrent run would, and refreshes meanwhile. */
  private void showSkippedRun(HikariDataSource pool, Refresher refresher, RefreshWindow lastWeek)
      throws Exception {
    heading("4. A second run while one holds the table's lock is skipped, not failed");
    try (RefreshLock held = RefreshLock.tryAcquire(pool, TABLES.summary()).orElseThrow()) {
      report(refresher.run(RefreshRequest.window(RefreshMode.INCREMENTAL, lastWeek, false)));
    }
  }

  private EmbeddedMariaDb startServer(Path workDirectory) throws Exception {
    Instant start = clock.instant();
    out.print("Starting an embedded MariaDB... ");
    out.flush();
    EmbeddedMariaDb server = EmbeddedMariaDb.start(workDirectory);
    server.createDatabase(DATABASE);
    out.printf("ready on 127.0.0.1:%d in %.1fs%n", server.port(), seconds(start));
    return server;
  }

  private void createSchema(HikariDataSource pool, SchemaScript schema) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      for (String statement : schema.statements()) {
        try (PreparedStatement ddl = connection.prepareStatement(statement)) {
          ddl.execute();
        }
      }
    }
    out.println("Created the tables of deploy/sql/schema.sql.");
  }

  private void generate(
      HikariDataSource pool, SampleMessages messages, RefreshWindow window, int perDay)
      throws SQLException {
    Instant start = clock.instant();
    long rows = messages.insertDays(pool, TABLES.source(), window, perDay);
    out.printf(
        "Generated %d integration messages over %d days (%s) in %.1fs.%n",
        rows, window.dayCount(), window, seconds(start));
  }

  private void heading(String title) {
    out.println();
    out.println(title);
  }

  private void report(RefreshResult result) {
    out.printf(
        "   => %s: %s (%.2fs)%n",
        result.outcome().displayName(), result.message(), result.duration().toMillis() / 1000.0);
  }

  private void report(VerifyReport report) {
    if (report.matches()) {
      out.printf(
          "   => verify %s: all %d rows match the source%n",
          report.window(), report.matchingRows());
      return;
    }
    out.printf(
        "   => verify %s: %d rows match, %d differ, for example:%n",
        report.window(), report.matchingRows(), report.differences().size());
    report.differences().stream().limit(3).forEach(d -> out.println("      " + d));
  }

  /** Prints the last week and any day whose length shows a clock change. */
  private void printDays(HikariDataSource pool, RefreshWindow history, RefreshWindow lastWeek)
      throws SQLException {
    out.println("   day         hours  messages  failed  avg ms  payload MB");
    try (Connection connection = pool.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT day, SUM(message_count), SUM(CASE WHEN status = ? THEN message_count"
                    + " ELSE 0 END), SUM(total_processing_ms) / NULLIF(SUM(processed_count), 0),"
                    + " SUM(total_payload_bytes) / 1048576 FROM "
                    + TABLES.summary().quoted()
                    + " WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day")) {
      query.setString(1, "failed");
      query.setObject(2, history.first());
      query.setObject(3, history.last());
      try (ResultSet days = query.executeQuery()) {
        while (days.next()) {
          LocalDate day = days.getObject(1, LocalDate.class);
          long hours = DayRange.of(day, history.zone()).length().toHours();
          if (hours != 24 || !day.isBefore(lastWeek.first())) {
            out.printf(
                "   %s  %5d  %8d  %6d  %6.0f  %10.1f%s%n",
                day,
                hours,
                days.getLong(2),
                days.getLong(3),
                days.getDouble(4),
                days.getDouble(5),
                hours != 24 ? "  <- clocks changed" : "");
          }
        }
      }
    }
  }

  private double seconds(Instant since) {
    return Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }
}
