package io.dailycup.analytics.operator.audit;

import static io.dailycup.analytics.operator.audit.StoredAuditRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dailycup.analytics.operator.audit.StoredAuditRows.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One pool per Secret: replaced when the Secret changes, closed when idle or forgotten. */
class AuditWriterPoolsTest {

  private static final String KEY = "shop/daily-messages-db";
  private static final String TABLE = "analytics_refresh_audit";
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  private static AuditDatabase database;
  private static AuditDatabase otherDatabase;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
  private AuditWriter writer;

  @BeforeAll
  static void createDatabases() {
    database = AuditTestServer.get().createDatabase("pools");
    otherDatabase = AuditTestServer.get().createDatabase("poolsother");
  }

  @AfterAll
  static void dropDatabases() {
    AuditTestServer.get().dropDatabase(database);
    AuditTestServer.get().dropDatabase(otherDatabase);
  }

  @BeforeEach
  void openWriter() {
    writer = new AuditWriter(clock, IDLE_TIMEOUT);
  }

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  @Test
  void replacesThePoolWhenTheSecretOfAKeyChanges() throws Exception {
    writer.write(KEY, database, TABLE, List.of(row("ns/p/1")));

    writer.write(KEY, otherDatabase, TABLE, List.of(row("ns/p/2")));

    assertThat(writer.openPools()).isEqualTo(1);
    assertThat(StoredAuditRows.read(otherDatabase, TABLE))
        .extracting(Stored::eventKey)
        .containsExactly("ns/p/2");
  }

  @Test
  void keepsOnePoolPerKey() throws Exception {
    writer.write(KEY, database, TABLE, List.of(row("ns/k/1")));
    writer.write(KEY, database, TABLE, List.of(row("ns/k/2")));
    writer.write("shop/other-db", database, TABLE, List.of(row("ns/k/3")));

    assertThat(writer.openPools()).isEqualTo(2);
  }

  @Test
  void closesAPoolIdlePastTheTimeout() throws Exception {
    writer.write(KEY, database, TABLE, List.of(row("ns/i/1")));

    clock.advance(IDLE_TIMEOUT.minusSeconds(1));
    writer.closeIdle();
    assertThat(writer.openPools()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    writer.closeIdle();
    assertThat(writer.openPools()).isZero();
  }

  @Test
  void opensTheClosedPoolAgainOnTheNextWrite() throws Exception {
    writer.write(KEY, database, TABLE, List.of(row("ns/r/1")));
    clock.advance(IDLE_TIMEOUT);
    writer.closeIdle();

    writer.write(KEY, database, TABLE, List.of(row("ns/r/2")));

    assertThat(writer.openPools()).isEqualTo(1);
    assertThat(StoredAuditRows.read(database, TABLE))
        .extracting(Stored::eventKey)
        .contains("ns/r/1", "ns/r/2");
  }

  @Test
  void forgetClosesThePoolOfAKey() throws Exception {
    writer.write(KEY, database, TABLE, List.of(row("ns/f/1")));

    writer.forget(KEY);
    writer.forget("shop/never-seen");

    assertThat(writer.openPools()).isZero();
  }

  @Test
  void refusesToWriteOnceClosed() {
    writer.close();

    assertThatThrownBy(() -> writer.write(KEY, database, TABLE, List.of(row("ns/c/1"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "audit`; DROP TABLE x; --",
        "audit;",
        "audit'",
        "audit\"",
        "1audit",
        "audit table",
        "",
        "a234567890123456789012345678901234567890123456789012345678901234x"
      })
  void rejectsAnUnsafeTableNameBeforeAnySql(String table) {
    assertThatThrownBy(() -> writer.write(KEY, database, table, List.of(row("ns/t/1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid audit table name");

    assertThat(writer.openPools()).isZero();
  }
}
