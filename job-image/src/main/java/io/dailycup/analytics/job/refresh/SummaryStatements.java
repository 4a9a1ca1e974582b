package io.dailycup.analytics.job.refresh;

import io.dailycup.analytics.job.sql.SummarySql;
import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The statements a refresh runs, each prepared, on a connection the caller owns. */
final class SummaryStatements {

  private final RefreshTables tables;
  private final SummarySql sql;

  SummaryStatements(RefreshTables tables) {
    this.tables = tables;
    this.sql = tables.sql();
  }

  /** Aggregates one day of the source into {@code into}; returns what it wrote. */
  Totals insertDay(Connection connection, TableName into, DayRange day, LocalDateTime refreshedAt)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql.insertDay(into))) {
      insert.setObject(1, day.day());
      insert.setObject(2, refreshedAt);
      insert.setObject(3, day.startUtc());
      insert.setObject(4, day.endUtc());
      insert.executeUpdate();
    }
    return totals(connection, into, day.day(), day.day());
  }

  void deleteDays(Connection connection, TableName from, RefreshWindow window) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql.deleteDays(from))) {
      delete.setObject(1, window.first());
      delete.setObject(2, window.last());
      delete.executeUpdate();
    }
  }

  Totals totals(Connection connection, TableName table, LocalDate first, LocalDate last)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.summaryTotals(table))) {
      query.setObject(1, first);
      query.setObject(2, last);
      return readTotals(query);
    }
  }

  Totals wholeTotals(Connection connection, TableName table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.wholeSummaryTotals(table))) {
      return readTotals(query);
    }
  }

  long countSource(Connection connection, RefreshWindow window) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.countSource())) {
      query.setObject(1, window.utcStart());
      query.setObject(2, window.utcEnd());
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** The local days of the oldest and newest source rows, or empty when there are none. */
  Optional<RefreshWindow> sourceDays(Connection connection, RefreshSettings settings)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.sourceBounds());
        ResultSet result = query.executeQuery()) {
      result.next();
      LocalDateTime oldest = result.getObject(1, LocalDateTime.class);
      LocalDateTime newest = result.getObject(2, LocalDateTime.class);
      if (oldest == null) {
        return Optional.empty();
      }
      return Optional.of(
          new RefreshWindow(
              localDay(oldest, settings), localDay(newest, settings), settings.zone()));
    }
  }

  /** Runs a DDL statement; its text holds only validated table names. */
  void ddl(Connection connection, String statement) throws SQLException {
    try (PreparedStatement ddl = connection.prepareStatement(statement)) {
      ddl.execute();
    }
  }

  boolean tableExists(Connection connection, TableName table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
      query.setString(1, table.name());
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1) > 0;
      }
    }
  }

  RefreshTables tables() {
    return tables;
  }

  private static LocalDate localDay(LocalDateTime utc, RefreshSettings settings) {
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(settings.zone()).toLocalDate();
  }

  private static Totals readTotals(PreparedStatement query) throws SQLException {
    try (ResultSet result = query.executeQuery()) {
      result.next();
      return new Totals(result.getLong(1), result.getLong(2));
    }
  }
}
