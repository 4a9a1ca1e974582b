package io.dailycup.analytics.job.refresh;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * Replaces a window of days in place: per chunk of whole days, one READ COMMITTED transaction
 * deletes the days and inserts their fresh aggregates. Readers see the old rows of a day until the
 * commit and the new ones after it, never a day half written; the source is read without shared
 * locks, so ingestion goes on meanwhile.
 */
final class WindowRefresh {

  private final DataSource dataSource;
  private final SummaryStatements statements;
  private final RefreshSettings settings;
  private final Progress progress;

  WindowRefresh(
      DataSource dataSource,
      SummaryStatements statements,
      RefreshSettings settings,
      Progress progress) {
    this.dataSource = dataSource;
    this.statements = statements;
    this.settings = settings;
    this.progress = progress;
  }

  Totals refresh(RefreshWindow window, RefreshLock lock, LocalDateTime refreshedAt)
      throws SQLException {
    Totals written = Totals.NONE;
    try (Connection connection = dataSource.getConnection()) {
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(false);
      for (RefreshWindow chunk : window.chunks(settings.chunkDays())) {
        written = written.plus(replaceChunk(connection, chunk, lock, refreshedAt));
      }
    }
    return written;
  }

  private Totals replaceChunk(
      Connection connection, RefreshWindow chunk, RefreshLock lock, LocalDateTime refreshedAt)
      throws SQLException {
    try {
      Totals written = Totals.NONE;
      statements.deleteDays(connection, statements.tables().summary(), chunk);
      for (DayRange day : chunk.days()) {
        Totals dayTotals =
            statements.insertDay(connection, statements.tables().summary(), day, refreshedAt);
        progress.dayWritten(day, dayTotals);
        written = written.plus(dayTotals);
      }
      lock.ensureHeld();
      connection.commit();
      progress.step("committed " + chunk);
      return written;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    }
  }

  static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
