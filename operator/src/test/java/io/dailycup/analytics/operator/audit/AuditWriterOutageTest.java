package io.dailycup.analytics.operator.audit;

import static io.dailycup.analytics.operator.audit.StoredAuditRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dailycup.analytics.operator.audit.StoredAuditRows.Stored;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached: the write fails fast and cleanly, and a retry catches up. */
class AuditWriterOutageTest {

  private static final String KEY = "shop/daily-messages-db";
  private static final String TABLE = "analytics_refresh_audit";
  private static final String PASSWORD = "s3cret-Pa55word";

  private static AuditDatabase database;

  private AuditWriter writer;

  @BeforeAll
  static void createDatabase() {
    database = AuditTestServer.get().createDatabase("outage");
  }

  @AfterAll
  static void dropDatabase() {
    AuditTestServer.get().dropDatabase(database);
  }

  @BeforeEach
  void openWriter() throws Exception {
    writer = new AuditWriter(Clock.systemUTC(), Duration.ofMinutes(10));
    StoredAuditRows.execute(database, "DROP TABLE IF EXISTS `" + TABLE + "`");
  }

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  @Test
  void failsFastNamingTheServerButNotThePasswordWhenNothingListens() throws Exception {
    int port = closedPort();
    AuditDatabase unreachable =
        new AuditDatabase("jdbc:mysql://127.0.0.1:" + port + "/shop", "auditor", PASSWORD);

    long start = System.nanoTime();
    assertThatThrownBy(() -> writer.write(KEY, unreachable, TABLE, List.of(row("ns/x/1"))))
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + port + "/shop")
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(((AuditUnavailableException) e).refused()).isFalse());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(unreachable.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void aUrlThatIsNotMysqlIsARefusal() {
    AuditDatabase postgres = new AuditDatabase("jdbc:postgresql://db:5432/shop", "x", PASSWORD);

    assertThatThrownBy(() -> writer.write(KEY, postgres, TABLE, List.of(row("ns/v/1"))))
        .isInstanceOf(AuditUnavailableException.class)
        .satisfies(e -> assertThat(((AuditUnavailableException) e).refused()).isTrue());
  }

  @Test
  void writesTheRowsOnceWhenTheSecretPointsAtAReachableDatabase() throws Exception {
    AuditDatabase unreachable =
        new AuditDatabase("jdbc:mysql://127.0.0.1:" + closedPort() + "/shop", "x", PASSWORD);
    List<AuditRow> waiting = List.of(row("ns/y/1"), row("ns/y/2"));
    assertThatThrownBy(() -> writer.write(KEY, unreachable, TABLE, waiting))
        .isInstanceOf(AuditUnavailableException.class);

    writer.write(KEY, database, TABLE, waiting);
    writer.write(KEY, database, TABLE, waiting);

    assertThat(StoredAuditRows.read(database, TABLE))
        .extracting(Stored::eventKey)
        .containsExactly("ns/y/1", "ns/y/2");
    assertThat(writer.openPools()).isEqualTo(1);
  }

  @Test
  void writesAfterTheServerRestartsWithoutDoublingRows() throws Exception {
    AuditTestServer server = AuditTestServer.get();
    assumeTrue(server.restartable(), "only the embedded server can be restarted by a test");
    writer.write(KEY, database, TABLE, List.of(row("ns/z/1")));

    List<AuditRow> waiting = List.of(row("ns/z/1"), row("ns/z/2"));
    server.stop();
    try {
      assertThatThrownBy(() -> writer.write(KEY, database, TABLE, waiting))
          .isInstanceOf(AuditUnavailableException.class)
          .hasMessageContaining(database.server())
          .satisfies(e -> assertThat(((AuditUnavailableException) e).refused()).isFalse());
    } finally {
      server.start();
    }
    writer.write(KEY, database, TABLE, waiting);

    assertThat(StoredAuditRows.read(database, TABLE))
        .extracting(Stored::eventKey)
        .containsExactly("ns/z/1", "ns/z/2");
  }

  /** A loopback port nothing listens on: taken from the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
