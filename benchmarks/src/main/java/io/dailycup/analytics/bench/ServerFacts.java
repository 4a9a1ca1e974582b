package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The database server's version and the settings that decide a refresh's speed. */
record ServerFacts(
    String version, long bufferPoolMegabytes, long redoLogMegabytes, int flushLogAtCommit) {

  static ServerFacts of(TestServer server) throws SQLException {
    try (TestDatabase db = server.createDatabase("facts");
        Connection connection = db.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT VERSION(), @@innodb_buffer_pool_size, @@innodb_log_file_size,"
                    + " @@innodb_flush_log_at_trx_commit");
        ResultSet facts = query.executeQuery()) {
      facts.next();
      return new ServerFacts(
          facts.getString(1), facts.getLong(2) >> 20, facts.getLong(3) >> 20, facts.getInt(4));
    }
  }
}
