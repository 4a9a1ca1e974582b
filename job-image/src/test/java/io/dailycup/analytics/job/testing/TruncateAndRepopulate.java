package io.dailycup.analytics.job.testing;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.SummarySql;
import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * The old PHP script's full refresh, kept as the baseline the job is compared with: empty the live
 * table, then insert each day again, autocommitted. Readers see an empty or incomplete table for
 * the whole rebuild. Never use it on real data.
 */
public final class TruncateAndRepopulate {

  private TruncateAndRepopulate() {}

  public static void run(
      DataSource dataSource, TableName source, TableName summary, RefreshWindow days)
      throws SQLException {
    SummarySql sql = new SummarySql(source);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement truncate =
          connection.prepareStatement("TRUNCATE TABLE " + summary.quoted())) {
        truncate.execute();
      }
      try (PreparedStatement insert = connection.prepareStatement(sql.insertDay(summary))) {
        for (DayRange day : days.days()) {
          insert.setObject(1, day.day());
          insert.setObject(2, LocalDateTime.now());
          insert.setObject(3, day.startUtc());
          insert.setObject(4, day.endUtc());
          insert.executeUpdate();
        }
      }
    }
  }
}
