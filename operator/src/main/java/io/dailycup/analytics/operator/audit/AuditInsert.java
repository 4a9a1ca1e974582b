package io.dailycup.analytics.operator.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Inserts a batch of audit rows in one transaction. A row whose event key is in the table already
 * is left alone ({@code ON DUPLICATE KEY UPDATE id = id}, which MySQL and MariaDB both accept), so
 * writing a batch again after a failure that happened after the commit adds nothing.
 */
final class AuditInsert {

  private AuditInsert() {}

  static void insertAll(Connection connection, AuditTable table, List<AuditRow> rows)
      throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement(sql(table))) {
      for (AuditRow row : rows) {
        bind(insert, row);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      rollback(connection, e);
      throw e;
    }
  }

  static String sql(AuditTable table) {
    return "INSERT INTO "
        + table.quoted()
        + " (occurred_at, action, actor, target, outcome, run_id, details, event_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id";
  }

  private static void bind(PreparedStatement insert, AuditRow row) throws SQLException {
    // DATETIME(3) keeps milliseconds; cutting here, not in the server, makes MySQL (which rounds)
    // and MariaDB (which truncates) store the same value.
    insert.setObject(1, utc(row));
    insert.setString(2, row.action().name());
    insert.setString(3, row.actor());
    insert.setString(4, row.target());
    insert.setString(5, row.outcome());
    setNullable(insert, 6, row.runId());
    setNullable(insert, 7, row.detailsJson());
    insert.setString(8, row.eventKey());
  }

  private static LocalDateTime utc(AuditRow row) {
    return LocalDateTime.ofInstant(row.occurredAt().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  private static void setNullable(PreparedStatement insert, int index, String value)
      throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }

  private static void rollback(Connection connection, SQLException failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
