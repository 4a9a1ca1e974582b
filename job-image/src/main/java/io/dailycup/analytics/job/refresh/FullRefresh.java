package io.dailycup.analytics.job.refresh;

import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Rebuilds the whole summary in a shadow table, checks it, and swaps it in with one atomic {@code
 * RENAME TABLE}. Readers keep reading the complete old table until the rename and the complete new
 * one after it; the live table is never emptied, and a run that dies part way leaves it untouched
 * (the next run drops the leftover shadow).
 */
final class FullRefresh {

  /** MySQL's error for a lock wait that ran out (here: readers' metadata locks). */
  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  private final DataSource dataSource;
  private final SummaryStatements statements;
  private final RefreshSettings settings;
  private final Progress progress;
  private final Sleeper sleeper;

  FullRefresh(
      DataSource dataSource,
      SummaryStatements statements,
      RefreshSettings settings,
      Progress progress,
      Sleeper sleeper) {
    this.dataSource = dataSource;
    this.statements = statements;
    this.settings = settings;
    this.progress = progress;
    this.sleeper = sleeper;
  }

  /** The days the rebuild covers, or empty when the source has no rows. */
  Optional<RefreshWindow> plan() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return statements.sourceDays(connection, settings);
    }
  }

  Totals refresh(Optional<RefreshWindow> days, RefreshLock lock, LocalDateTime refreshedAt)
      throws SQLException, InterruptedException {
    RefreshTables tables = statements.tables();
    try (Connection connection = dataSource.getConnection()) {
      // Every DDL statement of the run waits for readers' metadata locks; the server's
      // default wait is a year, long enough to hold the table's lock (and skip every later
      // run) behind one forgotten transaction.
      setLockWaitTimeout(connection, Math.max(1, settings.renameLockWait().toSeconds()));
      try {
        return rebuild(connection, tables, days, lock, refreshedAt);
      } finally {
        restoreLockWaitTimeout(connection);
      }
    }
  }

  private Totals rebuild(
      Connection connection,
      RefreshTables tables,
      Optional<RefreshWindow> days,
      RefreshLock lock,
      LocalDateTime refreshedAt)
      throws SQLException, InterruptedException {
    dropLeftovers(connection, tables);
    statements.ddl(
        connection,
        "CREATE TABLE " + tables.shadow().quoted() + " LIKE " + tables.summary().quoted());
    Totals written;
    try {
      written = build(connection, days, lock, refreshedAt);
      validate(connection, days.isPresent(), written);
      lock.ensureHeld();
      swap(connection, tables);
    } catch (SQLException | RuntimeException | InterruptedException e) {
      dropShadowQuietly(tables, e);
      throw e;
    }
    dropRetired(connection, tables);
    return written;
  }

  /** The swap is done: failing to drop the old table is worth a line, not a failed run. */
  private void dropRetired(Connection connection, RefreshTables tables) {
    try {
      statements.ddl(connection, "DROP TABLE " + tables.retired().quoted());
    } catch (SQLException e) {
      progress.step(
          "could not drop %s (%s); the next full refresh will"
              .formatted(tables.retired(), e.getMessage()));
    }
  }

  /**
   * Cleans up after a failed build on a fresh connection (the failure may have been the
   * connection's). If this fails too, the next run drops the leftover.
   */
  private void dropShadowQuietly(RefreshTables tables, Exception cause) {
    try (Connection connection = dataSource.getConnection()) {
      statements.ddl(connection, "DROP TABLE IF EXISTS " + tables.shadow().quoted());
    } catch (SQLException | RuntimeException cleanupFailure) {
      cause.addSuppressed(cleanupFailure);
    }
  }

  /**
   * Drops the shadow and retired tables a killed run may have left. Safe: the caller holds the
   * lock, so no other run is using them.
   */
  private void dropLeftovers(Connection connection, RefreshTables tables) throws SQLException {
    for (TableName leftover : new TableName[] {tables.shadow(), tables.retired()}) {
      if (statements.tableExists(connection, leftover)) {
        progress.step("dropping " + leftover + ", left by an earlier run that did not finish");
        statements.ddl(connection, "DROP TABLE " + leftover.quoted());
      }
    }
  }

  private Totals build(
      Connection connection,
      Optional<RefreshWindow> days,
      RefreshLock lock,
      LocalDateTime refreshedAt)
      throws SQLException {
    if (days.isEmpty()) {
      progress.step("the source table is empty: the rebuilt summary is empty too");
      return Totals.NONE;
    }
    // Nobody reads the shadow yet: chunked commits only keep each transaction's undo small.
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    connection.setAutoCommit(false);
    Totals written = Totals.NONE;
    try {
      for (RefreshWindow chunk : days.get().chunks(settings.chunkDays())) {
        for (DayRange day : chunk.days()) {
          Totals dayTotals =
              statements.insertDay(connection, statements.tables().shadow(), day, refreshedAt);
          progress.dayWritten(day, dayTotals);
          written = written.plus(dayTotals);
        }
        lock.ensureHeld();
        connection.commit();
      }
    } catch (SQLException | RuntimeException e) {
      WindowRefresh.rollbackQuietly(connection, e);
      throw e;
    }
    connection.setAutoCommit(true);
    return written;
  }

  /** Refuses a shadow that is empty for a non-empty source, or that lost too many messages. */
  private void validate(Connection connection, boolean sourceHasRows, Totals written)
      throws SQLException {
    RefreshTables tables = statements.tables();
    Totals shadow = statements.wholeTotals(connection, tables.shadow());
    if (!shadow.equals(written)) {
      throw new RefreshFailedException(
          "the rebuilt summary holds %d rows / %d messages but %d / %d were written; not swapped"
              .formatted(shadow.rows(), shadow.messages(), written.rows(), written.messages()));
    }
    if (sourceHasRows && shadow.rows() == 0) {
      throw new RefreshFailedException(
          "the rebuilt summary is empty although the source has rows; not swapped");
    }
    Totals live = statements.wholeTotals(connection, tables.summary());
    long floor = live.messages() - live.messages() * settings.maxShrinkPercent() / 100;
    if (shadow.messages() < floor) {
      throw new RefreshFailedException(
          ("the rebuilt summary counts %d messages, over %d%% fewer than the live table's %d;"
                  + " the source may have lost rows (a retention purge?). Not swapped: rerun with"
                  + " --max-shrink-percent 100 to accept it")
              .formatted(shadow.messages(), settings.maxShrinkPercent(), live.messages()));
    }
    progress.step(
        "validated %s: %d rows, %d messages"
            .formatted(tables.shadow(), shadow.rows(), shadow.messages()));
  }

  /**
   * Renames live to retired and shadow to live in one statement. The rename waits for readers'
   * metadata locks, and readers queue behind it: a short lock wait, retried, keeps a long report
   * from stalling every other reader.
   */
  private void swap(Connection connection, RefreshTables tables)
      throws SQLException, InterruptedException {
    String rename =
        "RENAME TABLE %s TO %s, %s TO %s"
            .formatted(
                tables.summary().quoted(),
                tables.retired().quoted(),
                tables.shadow().quoted(),
                tables.summary().quoted());
    for (int attempt = 1; ; attempt++) {
      try {
        statements.ddl(connection, rename);
        progress.step("swapped the rebuilt summary in (attempt " + attempt + ")");
        return;
      } catch (SQLException e) {
        if (e.getErrorCode() != ER_LOCK_WAIT_TIMEOUT || attempt >= settings.renameAttempts()) {
          throw e;
        }
        progress.step("the swap waited too long for readers' locks; retrying");
        sleeper.sleep(settings.renameLockWait().multipliedBy(attempt));
      }
    }
  }

  private static void setLockWaitTimeout(Connection connection, long seconds) throws SQLException {
    try (PreparedStatement set = connection.prepareStatement("SET SESSION lock_wait_timeout = ?")) {
      set.setLong(1, seconds);
      set.execute();
    }
  }

  /**
   * The connection goes back to the pool: later users get the server's own setting. A connection
   * too broken for this is discarded by the pool anyway.
   */
  private static void restoreLockWaitTimeout(Connection connection) {
    try (PreparedStatement reset =
        connection.prepareStatement("SET SESSION lock_wait_timeout = @@GLOBAL.lock_wait_timeout")) {
      reset.execute();
    } catch (SQLException e) {
      // Nothing to restore on a connection that no longer works.
    }
  }
}
