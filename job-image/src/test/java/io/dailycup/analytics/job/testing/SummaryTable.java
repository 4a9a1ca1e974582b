package io.dailycup.analytics.job.testing;

import io.dailycup.analytics.job.verify.GroupKey;
import io.dailycup.analytics.job.verify.Measures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test-side views of the tables, written without the job's SQL: the summary as rows, and the
 * reference aggregate, computed in Java from every source row and its time converted to a local day
 * by java.time.
 */
public final class SummaryTable {

  private SummaryTable() {}

  /** Every row of the summary table. */
  public static Map<GroupKey, Measures> read(DataSource dataSource, String table)
      throws SQLException {
    Map<GroupKey, Measures> rows = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT day, integration, direction, status, message_count, processed_count,"
                    + " total_processing_ms, max_processing_ms, total_payload_bytes FROM `"
                    + table
                    + "`");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        Long max = result.getObject(8) == null ? null : result.getLong(8);
        rows.put(
            new GroupKey(
                result.getObject(1, LocalDate.class),
                result.getString(2),
                result.getString(3),
                result.getString(4)),
            new Measures(
                result.getLong(5), result.getLong(6), result.getLong(7), max, result.getLong(9)));
      }
    }
    return rows;
  }

  /** The expected summary of the source's days from {@code first} to {@code last}. */
  public static Map<GroupKey, Measures> reference(
      DataSource dataSource, ZoneId zone, LocalDate first, LocalDate last) throws SQLException {
    Map<GroupKey, long[]> sums = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT integration, direction, status, created_at, processing_ms, payload_bytes"
                    + " FROM integration_messages");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        LocalDate day =
            rows.getObject(4, LocalDateTime.class)
                .atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(zone)
                .toLocalDate();
        if (day.isBefore(first) || day.isAfter(last)) {
          continue;
        }
        GroupKey key = new GroupKey(day, rows.getString(1), rows.getString(2), rows.getString(3));
        long[] sum = sums.computeIfAbsent(key, k -> new long[] {0, 0, 0, -1, 0});
        sum[0]++;
        long processing = rows.getLong(5);
        if (!rows.wasNull()) {
          sum[1]++;
          sum[2] += processing;
          sum[3] = Math.max(sum[3], processing);
        }
        sum[4] += rows.getLong(6);
      }
    }
    Map<GroupKey, Measures> reference = new HashMap<>();
    sums.forEach(
        (key, sum) ->
            reference.put(
                key, new Measures(sum[0], sum[1], sum[2], sum[3] < 0 ? null : sum[3], sum[4])));
    return reference;
  }

  /** The rows of {@code rows} whose day lies from {@code first} to {@code last}. */
  public static Map<GroupKey, Measures> between(
      Map<GroupKey, Measures> rows, LocalDate first, LocalDate last) {
    Map<GroupKey, Measures> selected = new HashMap<>();
    rows.forEach(
        (key, measures) -> {
          if (!key.day().isBefore(first) && !key.day().isAfter(last)) {
            selected.put(key, measures);
          }
        });
    return selected;
  }
}
