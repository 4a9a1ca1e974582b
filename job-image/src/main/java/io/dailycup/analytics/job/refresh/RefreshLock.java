package io.dailycup.analytics.job.refresh;

import io.dailycup.analytics.job.sql.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The MySQL named lock that lets one refresh at a time write a summary table. It lives on a
 * connection of its own: the server releases it when that connection ends, so a run that dies
 * cannot leave the table locked.
 */
public final class RefreshLock implements AutoCloseable {

  /** MySQL refuses lock names longer than 64 characters. */
  private static final int MAX_NAME_LENGTH = 64;

  private static final String PREFIX = "refresh:";

  private final Connection connection;
  private final String name;

  private RefreshLock(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  /**
   * Takes the lock of {@code target} without waiting.
   *
   * @return the held lock, or empty when another session holds it
   */
  public static Optional<RefreshLock> tryAcquire(DataSource dataSource, TableName target)
      throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      String name = lockName(connection.getCatalog(), target);
      try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)");
          ResultSet result = bind(statement, name).executeQuery()) {
        result.next();
        int acquired = result.getInt(1);
        if (result.wasNull()) {
          throw new SQLException("GET_LOCK('" + name + "') failed on the server");
        }
        if (acquired == 1) {
          return Optional.of(new RefreshLock(connection, name));
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * The lock's name: {@code refresh:<database>.<table>}, or, when that is over 64 characters,
   * {@code refresh:} and a hash of it. Runs print the name they hold.
   */
  static String lockName(String database, TableName target) {
    String plain = PREFIX + database + "." + target.name();
    if (plain.length() <= MAX_NAME_LENGTH) {
      return plain;
    }
    return PREFIX + sha256(plain).substring(0, MAX_NAME_LENGTH - PREFIX.length());
  }

  public String name() {
    return name;
  }

  /**
   * Fails unless this session still holds the lock. Called before each commit: if the lock's
   * connection was lost, another run may have started, and this one must not write.
   */
  public void ensureHeld() throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()");
        ResultSet result = bind(statement, name).executeQuery()) {
      if (!result.next() || !result.getBoolean(1)) {
        throw new SQLException("the refresh lock " + name + " is no longer held by this run");
      }
    }
  }

  /**
   * Releases the lock and its connection. Never fails: the server releases a named lock when its
   * connection ends, so a failed release must not turn a finished run into a failed one.
   */
  @Override
  public void close() {
    try (connection;
        PreparedStatement statement = connection.prepareStatement("DO RELEASE_LOCK(?)")) {
      bind(statement, name).execute();
    } catch (SQLException e) {
      // The connection is closed (or discarded by the pool), which releases the lock.
    }
  }

  private static PreparedStatement bind(PreparedStatement statement, String name)
      throws SQLException {
    statement.setString(1, name);
    return statement;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
