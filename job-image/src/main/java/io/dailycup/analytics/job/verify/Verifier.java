package io.dailycup.analytics.job.verify;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.SummarySql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Compares a window of the summary, row by row and figure by figure, with a fresh aggregate of the
 * source. Only reads; holds one window's groups in memory (days times groups, small).
 */
public final class Verifier {

  private final DataSource dataSource;
  private final RefreshTables tables;
  private final SummarySql sql;

  public Verifier(DataSource dataSource, RefreshTables tables) {
    this.dataSource = dataSource;
    this.tables = tables;
    this.sql = tables.sql();
  }

  public VerifyReport verify(RefreshWindow window) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      // Both reads in one REPEATABLE READ snapshot: rows ingested or refreshed between them
      // would otherwise show up as differences that are not there.
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      try {
        Map<GroupKey, Measures> expected = aggregateSource(connection, window);
        Map<GroupKey, Measures> actual = readSummary(connection, window);
        return compare(window, expected, actual);
      } finally {
        connection.rollback();
      }
    }
  }

  private Map<GroupKey, Measures> aggregateSource(Connection connection, RefreshWindow window)
      throws SQLException {
    Map<GroupKey, Measures> groups = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql.aggregateDay())) {
      for (DayRange day : window.days()) {
        query.setObject(1, day.startUtc());
        query.setObject(2, day.endUtc());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            groups.put(key(day.day(), rows, 1), measures(rows, 4));
          }
        }
      }
    }
    return groups;
  }

  private Map<GroupKey, Measures> readSummary(Connection connection, RefreshWindow window)
      throws SQLException {
    Map<GroupKey, Measures> groups = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql.summaryRows(tables.summary()))) {
      query.setObject(1, window.first());
      query.setObject(2, window.last());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          groups.put(key(rows.getObject(1, LocalDate.class), rows, 2), measures(rows, 5));
        }
      }
    }
    return groups;
  }

  private static VerifyReport compare(
      RefreshWindow window, Map<GroupKey, Measures> expected, Map<GroupKey, Measures> actual) {
    Map<GroupKey, Difference> differences =
        new TreeMap<>(
            Comparator.comparing(GroupKey::day)
                .thenComparing(GroupKey::integration)
                .thenComparing(GroupKey::direction)
                .thenComparing(GroupKey::status));
    int matching = 0;
    for (Map.Entry<GroupKey, Measures> entry : expected.entrySet()) {
      Measures found = actual.get(entry.getKey());
      if (entry.getValue().equals(found)) {
        matching++;
      } else {
        differences.put(entry.getKey(), new Difference(entry.getKey(), entry.getValue(), found));
      }
    }
    for (Map.Entry<GroupKey, Measures> entry : actual.entrySet()) {
      if (!expected.containsKey(entry.getKey())) {
        differences.put(entry.getKey(), new Difference(entry.getKey(), null, entry.getValue()));
      }
    }
    return new VerifyReport(window, matching, List.copyOf(differences.values()));
  }

  private static GroupKey key(LocalDate day, ResultSet rows, int firstColumn) throws SQLException {
    return new GroupKey(
        day,
        rows.getString(firstColumn),
        rows.getString(firstColumn + 1),
        rows.getString(firstColumn + 2));
  }

  private static Measures measures(ResultSet rows, int firstColumn) throws SQLException {
    long maxValue = rows.getLong(firstColumn + 3);
    Long max = rows.wasNull() ? null : maxValue;
    return new Measures(
        rows.getLong(firstColumn),
        rows.getLong(firstColumn + 1),
        rows.getLong(firstColumn + 2),
        max,
        rows.getLong(firstColumn + 4));
  }
}
