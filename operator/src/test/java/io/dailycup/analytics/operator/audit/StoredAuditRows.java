package io.dailycup.analytics.operator.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The audit table as the tests see it, read with plain JDBC rather than the writer's code. */
final class StoredAuditRows {

  /** One row of the table, as stored. */
  record Stored(
      long id,
      LocalDateTime occurredAt,
      String action,
      String actor,
      String target,
      String outcome,
      String runId,
      String details,
      String eventKey) {}

  private StoredAuditRows() {}

  /** A row with ordinary values, identified by {@code eventKey}. */
  static AuditRow row(String eventKey) {
    return new AuditRow(
        eventKey,
        Instant.parse("2026-03-29T01:30:00.250Z"),
        AuditAction.ANALYTICS_MATERIALIZED_REFRESH,
        "analytics-refresh-operator",
        "shop/daily-messages analytics_integration_messages_daily_mat",
        "succeeded",
        "daily-messages-29561234",
        "{\"days\":3}");
  }

  /** Every row of {@code table}, in the order of their ids. */
  static List<Stored> read(AuditDatabase database, String table) throws SQLException {
    List<Stored> rows = new ArrayList<>();
    try (Connection connection = connect(database);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, occurred_at, action, actor, target, outcome, run_id, details,"
                    + " event_key FROM `"
                    + table
                    + "` ORDER BY id");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.add(stored(result));
      }
    }
    return rows;
  }

  /** Runs one statement of test set-up. */
  static void execute(AuditDatabase database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
    }
  }

  static boolean tableExists(AuditDatabase database, String table) throws SQLException {
    try (Connection connection = connect(database);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = ?")) {
      query.setString(1, table);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1) > 0;
      }
    }
  }

  private static Stored stored(ResultSet result) throws SQLException {
    return new Stored(
        result.getLong(1),
        result.getObject(2, LocalDateTime.class),
        result.getString(3),
        result.getString(4),
        result.getString(5),
        result.getString(6),
        result.getString(7),
        result.getString(8),
        result.getString(9));
  }

  private static Connection connect(AuditDatabase database) throws SQLException {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }
}
