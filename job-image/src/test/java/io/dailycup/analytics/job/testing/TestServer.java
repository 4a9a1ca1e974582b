package io.dailycup.analytics.job.testing;

import io.dailycup.analytics.job.db.DatabaseSettings;
import io.dailycup.analytics.job.demo.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database server the tests use, one per test JVM: an external MySQL or MariaDB when {@code
 * DB_URL} (with {@code DB_USERNAME} and {@code DB_PASSWORD}) is set, otherwise an embedded MariaDB
 * started on first use and stopped when the JVM exits. The benchmarks choose theirs with {@link
 * #external} and {@link #embedded}.
 */
public final class TestServer {

  private static TestServer instance;

  private final String serverUrl;
  private final String username;
  private final String password;
  private final AtomicInteger databases = new AtomicInteger();

  private TestServer(String serverUrl, String username, String password) {
    this.serverUrl = serverUrl;
    this.username = username;
    this.password = password;
  }

  public static synchronized TestServer get() {
    if (instance == null) {
      instance = System.getenv("DB_URL") != null ? fromEnvironment() : embeddedUnderTarget();
    }
    return instance;
  }

  /**
   * The server of {@code url}, a {@code jdbc:mysql://} URL; its database, if it names one, is not
   * used: each test database is created beside it.
   */
  public static TestServer external(String url, String username, String password) {
    int pathStart = url.indexOf('/', "jdbc:mysql://".length());
    String server = (pathStart < 0 ? url : url.substring(0, pathStart)) + "/";
    return new TestServer(server, username, password);
  }

  /**
   * An embedded MariaDB keeping its files in {@code directory}, started with extra {@code mariadbd}
   * options and stopped when the JVM exits.
   */
  public static TestServer embedded(Path directory, List<String> serverOptions) {
    try {
      EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, serverOptions);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
      return new TestServer("jdbc:mysql://127.0.0.1:" + server.port() + "/", "root", "");
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  /** Creates a database whose name starts with {@code purpose}, unique on the server. */
  public TestDatabase createDatabase(String purpose) {
    String name =
        "t_%s_%d_%d"
            .formatted(
                purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""),
                ProcessHandle.current().pid(),
                databases.incrementAndGet());
    admin("CREATE DATABASE `" + name + "`");
    return new TestDatabase(this, name);
  }

  DatabaseSettings settings(String database) {
    return new DatabaseSettings(serverUrl + database, username, password);
  }

  void dropDatabase(String name) {
    admin("DROP DATABASE IF EXISTS `" + name + "`");
  }

  private void admin(String ddl) {
    try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
        PreparedStatement statement = connection.prepareStatement(ddl)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("test server: " + e.getMessage(), e);
    }
  }

  private static TestServer fromEnvironment() {
    return external(
        System.getenv("DB_URL"),
        System.getenv("DB_USERNAME"),
        System.getenv().getOrDefault("DB_PASSWORD", ""));
  }

  private static TestServer embeddedUnderTarget() {
    try {
      return embedded(
          Files.createDirectories(
                  Path.of("target", "mariadb", String.valueOf(ProcessHandle.current().pid())))
              .toAbsolutePath(),
          List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stopQuietly(EmbeddedMariaDb server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("embedded MariaDB did not stop cleanly: " + e.getMessage());
    }
  }
}
