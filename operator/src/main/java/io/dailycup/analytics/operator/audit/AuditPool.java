package io.dailycup.analytics.operator.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection pool of one resource's database, with what the writer remembers about it: the
 * audit tables it has created and when it was last used.
 *
 * <p>The pool never connects when it is built ({@code initializationFailTimeout} -1): a database
 * that is down when the first audit row comes still gets a pool, each write then tries to connect
 * for at most {@link #CONNECTION_TIMEOUT}, and the same pool works again once the database is back.
 * Rebuilding the pool after a failure instead would lose nothing but add a path to get wrong.
 */
final class AuditPool implements AutoCloseable {

  /** Audit writes are rare and short: one connection at a time, a second for overlap. */
  private static final int MAX_CONNECTIONS = 2;

  /** A write to a database that is down fails after this instead of holding a reconcile thread. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /** A server that accepts connections but does not answer cannot hold a thread for longer. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  private final AuditDatabase database;
  private final HikariDataSource dataSource;
  private final Set<AuditTable> createdTables = ConcurrentHashMap.newKeySet();

  // Guarded by this.
  private Instant lastUsed;
  private int writers;

  private AuditPool(AuditDatabase database, HikariDataSource dataSource, Instant now) {
    this.database = database;
    this.dataSource = dataSource;
    this.lastUsed = now;
  }

  /**
   * A pool for the database of {@code key}; it does not connect yet.
   *
   * @throws AuditUnavailableException when the URL is not one the MySQL driver takes
   */
  static AuditPool open(String key, AuditDatabase database, Instant now)
      throws AuditUnavailableException {
    if (!database.supported()) {
      throw new AuditUnavailableException(
          "the database URL of " + key + " is not a jdbc:mysql://host:port/database URL",
          null,
          true);
    }
    return new AuditPool(database, new HikariDataSource(config(key, database)), now);
  }

  private static HikariConfig config(String key, AuditDatabase database) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("audit:" + key);
    config.setJdbcUrl(database.url());
    config.setUsername(database.username());
    config.setPassword(database.password());
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toMillis()));
    config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
    // DATETIME values travel as UTC wall-clock times, with no conversion by the driver. The
    // session time zone is left alone: the audit SQL uses no TIMESTAMP column and no NOW().
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    return config;
  }

  AuditDatabase database() {
    return database;
  }

  /** Creates the table once per pool, then inserts every row in one transaction. */
  void write(AuditTable table, AuditSchema schema, List<AuditRow> rows) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      createOnce(connection, table, schema);
      AuditInsert.insertAll(connection, table, rows);
    } catch (SQLException e) {
      // The table may have been dropped behind our back; creating it again is idempotent.
      createdTables.remove(table);
      throw e;
    }
  }

  private void createOnce(Connection connection, AuditTable table, AuditSchema schema)
      throws SQLException {
    if (createdTables.contains(table)) {
      return;
    }
    try (PreparedStatement create = connection.prepareStatement(schema.createTable(table))) {
      create.execute();
    }
    createdTables.add(table);
  }

  synchronized void enter(Instant now) {
    writers++;
    lastUsed = now;
  }

  synchronized void leave(Instant now) {
    writers--;
    lastUsed = now;
  }

  /** Whether nobody is writing and nobody has since {@code cutoff}. */
  synchronized boolean idleSince(Instant cutoff) {
    return writers == 0 && !lastUsed.isAfter(cutoff);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
