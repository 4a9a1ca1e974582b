package io.dailycup.analytics.job.refresh;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Says what a run would do, without the lock and without writing anything (not even the summary
 * table, if it is missing): the days, their UTC ranges, the source rows it would read and the
 * summary rows it would replace.
 */
final class DryRun {

  /** Windows up to this many days are listed day by day. */
  private static final int LISTED_DAYS = 31;

  private final DataSource dataSource;
  private final SummaryStatements statements;
  private final RefreshSettings settings;
  private final Progress progress;

  DryRun(
      DataSource dataSource,
      SummaryStatements statements,
      RefreshSettings settings,
      Progress progress) {
    this.dataSource = dataSource;
    this.statements = statements;
    this.settings = settings;
    this.progress = progress;
  }

  RefreshResult plan(RefreshRequest request) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Optional<RefreshWindow> window =
          request.mode() == RefreshMode.FULL
              ? statements.sourceDays(connection, settings)
              : request.window();
      if (window.isEmpty()) {
        return dryRunResult(
            request.mode(), null, 0, "dry run: the source is empty; nothing to rebuild");
      }
      listDays(window.get());
      long sourceRows = statements.countSource(connection, window.get());
      Totals replaced = replacedRows(connection, request.mode(), window.get());
      return dryRunResult(
          request.mode(),
          window.get(),
          sourceRows,
          ("dry run: %s refresh of %s would read %d source rows for %d days (%s)"
                  + " and replace %d summary rows; nothing was written")
              .formatted(
                  request.mode().displayName(),
                  statements.tables().summary(),
                  sourceRows,
                  window.get().dayCount(),
                  window.get(),
                  replaced.rows()));
    }
  }

  private Totals replacedRows(Connection connection, RefreshMode mode, RefreshWindow window)
      throws SQLException {
    if (!summaryExists(connection)) {
      return Totals.NONE;
    }
    RefreshTables tables = statements.tables();
    return mode == RefreshMode.FULL
        ? statements.wholeTotals(connection, tables.summary())
        : statements.totals(connection, tables.summary(), window.first(), window.last());
  }

  private boolean summaryExists(Connection connection) throws SQLException {
    return statements.tableExists(connection, statements.tables().summary());
  }

  private void listDays(RefreshWindow window) {
    List<DayRange> days = window.days();
    if (days.size() > LISTED_DAYS) {
      progress.step(
          "would rebuild %d days from %s to %s in %s"
              .formatted(days.size(), window.first(), window.last(), settings.zone()));
      return;
    }
    for (DayRange day : days) {
      progress.step(
          "would rebuild %s: UTC %s to %s (%d h)"
              .formatted(day.day(), day.startUtc(), day.endUtc(), day.length().toHours()));
    }
  }

  private static RefreshResult dryRunResult(
      RefreshMode mode, RefreshWindow window, long sourceRows, String message) {
    return RefreshResult.succeeded(mode, window, new Totals(0, sourceRows), Duration.ZERO, message)
        .asDryRun();
  }
}
