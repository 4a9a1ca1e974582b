package io.dailycup.analytics.operator.audit;

import static io.dailycup.analytics.operator.audit.StoredAuditRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.operator.audit.StoredAuditRows.Stored;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing audit rows into a real database: the table, the columns, retries and transactions. */
class AuditWriterTest {

  private static final String KEY = "shop/daily-messages-db";
  private static final AtomicInteger TABLES = new AtomicInteger();

  private static AuditDatabase database;

  private AuditWriter writer;
  private String table;

  @BeforeAll
  static void createDatabase() {
    database = AuditTestServer.get().createDatabase("writer");
  }

  @AfterAll
  static void dropDatabase() {
    AuditTestServer.get().dropDatabase(database);
  }

  @BeforeEach
  void openWriter() {
    writer = new AuditWriter(Clock.systemUTC(), Duration.ofMinutes(10));
    table = "audit_" + TABLES.incrementAndGet();
  }

  @AfterEach
  void closeWriter() {
    writer.close();
  }

  @Test
  void createsTheTableWhenMissingAndWritesEveryColumn() throws Exception {
    AuditRow refresh =
        new AuditRow(
            "shop/daily-messages/job/daily-messages-29561234/finished",
            Instant.parse("2026-03-29T01:30:00.123456Z"),
            AuditAction.ANALYTICS_MATERIALIZED_REFRESH_FAILED,
            "analytics-refresh-operator",
            "shop/daily-messages analytics_integration_messages_daily_mat",
            "failed",
            "daily-messages-29561234",
            "{\"reason\":\"Timeout\",\"days\":[\"2026-03-28\"],\"note\":\"ü ✓\"}");

    writer.write(KEY, database, table, List.of(refresh));

    assertThat(StoredAuditRows.tableExists(database, table)).isTrue();
    Stored stored = StoredAuditRows.read(database, table).get(0);
    assertThat(stored.occurredAt()).isEqualTo(LocalDateTime.parse("2026-03-29T01:30:00.123"));
    assertThat(stored.action()).isEqualTo("ANALYTICS_MATERIALIZED_REFRESH_FAILED");
    assertThat(stored.actor()).isEqualTo("analytics-refresh-operator");
    assertThat(stored.target())
        .isEqualTo("shop/daily-messages analytics_integration_messages_daily_mat");
    assertThat(stored.outcome()).isEqualTo("failed");
    assertThat(stored.runId()).isEqualTo("daily-messages-29561234");
    assertThat(stored.eventKey())
        .isEqualTo("shop/daily-messages/job/daily-messages-29561234/finished");
    JsonNode details = new ObjectMapper().readTree(stored.details());
    assertThat(details.get("reason").asText()).isEqualTo("Timeout");
    assertThat(details.get("days").get(0).asText()).isEqualTo("2026-03-28");
    assertThat(details.get("note").asText()).isEqualTo("ü ✓");
  }

  @Test
  void writesNullForAMissingRunIdAndDetails() throws Exception {
    AuditRow test =
        new AuditRow(
            "shop/daily-messages/alert-test/1",
            Instant.parse("2026-03-29T08:00:00Z"),
            AuditAction.ANALYTICS_ALERT_TEST,
            "jane@example.com",
            "shop/daily-messages",
            "sent",
            null,
            null);

    writer.write(KEY, database, table, List.of(test));

    Stored stored = StoredAuditRows.read(database, table).get(0);
    assertThat(stored.runId()).isNull();
    assertThat(stored.details()).isNull();
  }

  @Test
  void writingTheSameRowsAgainLeavesOneRowPerEventKey() throws Exception {
    List<AuditRow> batch = List.of(row("ns/a/1"), row("ns/a/2"));
    writer.write(KEY, database, table, batch);
    List<Stored> first = StoredAuditRows.read(database, table);

    writer.write(KEY, database, table, batch);
    writer.write(KEY, database, table, List.of(row("ns/a/1"), row("ns/a/2"), row("ns/a/3")));

    List<Stored> rows = StoredAuditRows.read(database, table);
    assertThat(rows).extracting(Stored::eventKey).containsExactly("ns/a/1", "ns/a/2", "ns/a/3");
    assertThat(rows.subList(0, 2)).isEqualTo(first);
  }

  @Test
  void writesABatchWholeOrNotAtAll() throws Exception {
    // The same table, plus a rule the database enforces, so that one row of a batch fails there.
    StoredAuditRows.execute(database, AuditSchema.load().createTable(new AuditTable(table)).trim());
    StoredAuditRows.execute(
        database,
        "ALTER TABLE `" + table + "` ADD CONSTRAINT no_poison CHECK (event_key <> 'poison')");

    assertThatThrownBy(
            () ->
                writer.write(
                    KEY, database, table, List.of(row("ns/b/1"), row("poison"), row("ns/b/2"))))
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageContaining(database.server())
        .satisfies(e -> assertThat(((AuditUnavailableException) e).refused()).isTrue());
    assertThat(StoredAuditRows.read(database, table)).isEmpty();

    writer.write(KEY, database, table, List.of(row("ns/b/1"), row("ns/b/2")));
    assertThat(StoredAuditRows.read(database, table))
        .extracting(Stored::eventKey)
        .containsExactly("ns/b/1", "ns/b/2");
  }

  @Test
  void writesNothingAndConnectsToNothingForAnEmptyBatch() throws Exception {
    writer.write(KEY, database, table, List.of());

    assertThat(writer.openPools()).isZero();
    assertThat(StoredAuditRows.tableExists(database, table)).isFalse();
  }
}
