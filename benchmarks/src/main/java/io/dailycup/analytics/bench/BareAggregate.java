package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.SummarySql;
import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database's own limit for a refresh: the job's aggregate, {@link SummarySql#aggregateDay()},
 * run for each day of a window as the job runs it, with every row read and thrown away and nothing
 * written. EXPLAIN shows that it and the job's INSERT … SELECT take the same plan.
 */
final class BareAggregate {

  private final DataSource dataSource;
  private final SummarySql sql;

  BareAggregate(DataSource dataSource, TableName source) {
    this.dataSource = dataSource;
    this.sql = new SummarySql(source);
  }

  /** The time to aggregate every day of {@code window}. */
  Duration time(RefreshWindow window) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement aggregate = connection.prepareStatement(sql.aggregateDay())) {
      long started = System.nanoTime();
      for (DayRange day : window.days()) {
        aggregate.setObject(1, day.startUtc());
        aggregate.setObject(2, day.endUtc());
        drain(aggregate);
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /** EXPLAIN of the bare aggregate of {@code day}, as a Markdown table. */
  List<String> explainSelect(DayRange day) throws SQLException {
    return explain(sql.aggregateDay(), day.startUtc(), day.endUtc());
  }

  /** EXPLAIN of the job's statement for {@code day}, writing into {@code summary}. */
  List<String> explainInsert(TableName summary, DayRange day) throws SQLException {
    return explain(
        sql.insertDay(summary), day.day(), LocalDateTime.now(), day.startUtc(), day.endUtc());
  }

  private List<String> explain(String statement, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement)) {
      for (int i = 0; i < parameters.length; i++) {
        explain.setObject(i + 1, parameters[i]);
      }
      try (ResultSet plan = explain.executeQuery()) {
        return markdown(plan);
      }
    }
  }

  private static void drain(PreparedStatement aggregate) throws SQLException {
    try (ResultSet groups = aggregate.executeQuery()) {
      int columns = groups.getMetaData().getColumnCount();
      while (groups.next()) {
        for (int column = 1; column <= columns; column++) {
          groups.getString(column);
        }
      }
    }
  }

  private static List<String> markdown(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> header = new ArrayList<>();
    for (int column = 1; column <= meta.getColumnCount(); column++) {
      header.add(meta.getColumnLabel(column));
    }
    List<String> lines = new ArrayList<>();
    lines.add("| " + String.join(" | ", header) + " |");
    lines.add("|" + "---|".repeat(header.size()));
    while (rows.next()) {
      List<String> cells = new ArrayList<>();
      for (int column = 1; column <= header.size(); column++) {
        cells.add(rows.getString(column) == null ? "" : rows.getString(column));
      }
      lines.add("| " + String.join(" | ", cells) + " |");
    }
    return lines;
  }
}
