package io.dailycup.analytics.job.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.dailycup.analytics.job.db.Database;
import io.dailycup.analytics.job.db.DatabaseSettings;
import io.dailycup.analytics.job.sql.SchemaScript;
import io.dailycup.analytics.job.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A database of its own for one test class, on the shared test server; dropped at the end. */
public final class TestDatabase implements AutoCloseable {

  private final TestServer server;
  private final String name;
  private final DatabaseSettings settings;
  private final HikariDataSource pool;

  TestDatabase(TestServer server, String name) {
    this.server = server;
    this.name = name;
    this.settings = server.settings(name);
    this.pool = Database.open(settings, "test-" + name);
  }

  public HikariDataSource dataSource() {
    return pool;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public String name() {
    return name;
  }

  /** The environment a job run needs to reach this database. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DB_URL", settings.url());
    env.put("DB_USERNAME", settings.username());
    env.put("DB_PASSWORD", settings.password());
    return env;
  }

  /** Creates the source table, empty, under its default name. */
  public void createSource() throws SQLException {
    execute(SchemaScript.load().sourceTable(TableName.of(SchemaScript.SOURCE_TABLE)));
  }

  public void execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      statement.execute();
    }
  }

  public long queryLong(String sql, Object... parameters) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  public boolean tableExists(String table) throws SQLException {
    return queryLong(
            "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?",
            table)
        > 0;
  }

  /** Drops every table, so a test starts from an empty database. */
  public void dropAllTables() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement list =
            connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
        ResultSet tables = list.executeQuery()) {
      while (tables.next()) {
        try (PreparedStatement drop =
            connection.prepareStatement("DROP TABLE `" + tables.getString(1) + "`")) {
          drop.execute();
        }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    server.dropDatabase(name);
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
