package io.dailycup.analytics.job.refresh;

import io.dailycup.analytics.job.sql.SchemaScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs one refresh: takes the table's lock (or reports the run as skipped), creates the summary
 * table if it is missing, and rebuilds the requested days.
 */
public final class Refresher {

  private final DataSource dataSource;
  private final RefreshTables tables;
  private final RefreshSettings settings;
  private final SchemaScript schema;
  private final Clock clock;
  private final Progress progress;
  private final SummaryStatements statements;

  public Refresher(
      DataSource dataSource,
      RefreshTables tables,
      RefreshSettings settings,
      SchemaScript schema,
      Clock clock,
      Progress progress) {
    this.dataSource = dataSource;
    this.tables = tables;
    this.settings = settings;
    this.schema = schema;
    this.clock = clock;
    this.progress = progress;
    this.statements = new SummaryStatements(tables);
  }

  /**
   * Runs the request. Failures surface as exceptions; the live summary is left as it was, or, for a
   * chunked backfill, with the chunks committed so far.
   */
  public RefreshResult run(RefreshRequest request) throws SQLException, InterruptedException {
    if (request.dryRun()) {
      return new DryRun(dataSource, statements, settings, progress).plan(request);
    }
    Instant started = clock.instant();
    Optional<RefreshLock> lock = RefreshLock.tryAcquire(dataSource, tables.summary());
    if (lock.isEmpty()) {
      return RefreshResult.skipped(
          request.mode(),
          Duration.between(started, clock.instant()),
          "another refresh of %s is running; this run wrote nothing".formatted(tables.summary()));
    }
    try (RefreshLock held = lock.get()) {
      progress.step("holding the lock " + held.name());
      createSummaryIfMissing();
      return refreshHoldingLock(request, held, started);
    }
  }

  private RefreshResult refreshHoldingLock(
      RefreshRequest request, RefreshLock lock, Instant started)
      throws SQLException, InterruptedException {
    LocalDateTime refreshedAt = LocalDateTime.ofInstant(started, ZoneOffset.UTC);
    RefreshWindow window;
    Totals written;
    if (request.mode() == RefreshMode.FULL) {
      FullRefresh full = new FullRefresh(dataSource, statements, settings, progress, Sleeper.REAL);
      Optional<RefreshWindow> days = full.plan();
      window = days.orElse(null);
      progress.planned(request.mode(), window, tables.summary().name());
      written = full.refresh(days, lock, refreshedAt);
    } else {
      window = request.window().orElseThrow();
      progress.planned(request.mode(), window, tables.summary().name());
      written =
          new WindowRefresh(dataSource, statements, settings, progress)
              .refresh(window, lock, refreshedAt);
    }
    Duration took = Duration.between(started, clock.instant());
    return RefreshResult.succeeded(
        request.mode(), window, written, took, describe(request.mode(), window, written));
  }

  private void createSummaryIfMissing() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      statements.ddl(connection, schema.summaryTable(tables.summary()));
    }
  }

  private String describe(RefreshMode mode, RefreshWindow window, Totals written) {
    String days = window == null ? "no days" : window.dayCount() + " days (" + window + ")";
    return "%s refresh of %s: %s, %d rows, %d messages"
        .formatted(mode.displayName(), tables.summary(), days, written.rows(), written.messages());
  }
}
