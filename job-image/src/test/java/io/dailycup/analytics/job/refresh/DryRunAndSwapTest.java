package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.cli.ExitCode;
import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.SummaryTable;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.verify.GroupKey;
import io.dailycup.analytics.job.verify.Measures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A dry run writes nothing; the full refresh's swap waits for readers' locks a bounded time,
 * retries, and refuses a rebuild that lost too much.
 */
class DryRunAndSwapTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("swap");

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
  private static final String SUMMARY = "analytics_integration_messages_daily_mat";

  private TestDatabase db;

  @BeforeEach
  void sourceOfTwentyDays() throws Exception {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
    new SampleMessages(71)
        .insertDays(
            db.dataSource(),
            TableName.of("integration_messages"),
            RefreshWindow.lastDays(20, LocalDate.of(2026, 12, 3), ZoneOffset.UTC),
            200);
  }

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
    long sourceRows = db.queryLong("SELECT COUNT(*) FROM integration_messages");

    CliRun incremental = run("refresh", "--days", "3", "--dry-run", "--time-zone", "Europe/London");
    CliRun full = run("refresh", "--full", "--dry-run");

    assertThat(incremental.exitCode()).as(incremental.toString()).isZero();
    assertThat(full.exitCode()).as(full.toString()).isZero();
    assertThat(incremental.out())
        .contains("would rebuild 2026-12-01: UTC 2026-12-01T00:00 to 2026-12-02T00:00 (24 h)")
        .contains("dry run: Incremental refresh")
        .contains("nothing was written");
    assertThat(full.out()).contains("would read " + sourceRows + " source rows for 20 days");
    assertThat(db.tableExists(SUMMARY)).isFalse();
  }

  @Test
  void theSwapRetriesWhileAReaderHoldsTheTableAndSucceedsOnceItIsDone() throws Exception {
    assertThat(run("refresh", "--full").exitCode()).isZero();

    CliRun run;
    try (Connection reader = openTransactionReading(SUMMARY)) {
      CompletableFuture<CliRun> refresh =
          CompletableFuture.supplyAsync(
              () -> run("refresh", "--full", "--lock-wait-seconds", "1", "--swap-attempts", "5"));
      awaitRenameWaiting();
      awaitRenameNotWaiting(); // the first attempt timed out
      reader.commit();
      run = refresh.get(60, TimeUnit.SECONDS);
    }

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("waited too long for readers' locks; retrying");
    assertThat(run.out()).containsPattern("swapped the rebuilt summary in \\(attempt [2-5]\\)");
  }

  @Test
  void aSwapThatNeverGetsTheLockFailsAndLeavesTheLiveTableAndNoShadow() throws Exception {
    assertThat(run("refresh", "--full").exitCode()).isZero();
    Map<GroupKey, Measures> before = SummaryTable.read(db.dataSource(), SUMMARY);

    CliRun run;
    try (Connection reader = openTransactionReading(SUMMARY)) {
      run = run("refresh", "--full", "--lock-wait-seconds", "1", "--swap-attempts", "2");
      reader.commit();
    }

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.err()).contains("Failed: database error: Lock wait timeout exceeded");
    assertThat(SummaryTable.read(db.dataSource(), SUMMARY)).isEqualTo(before);
    assertThat(db.tableExists(SUMMARY + "__new")).isFalse();
  }

  @Test
  void refusesAFullRebuildThatLostMoreThanTheAllowedShare() throws Exception {
    assertThat(run("refresh", "--full").exitCode()).isZero();
    Map<GroupKey, Measures> before = SummaryTable.read(db.dataSource(), SUMMARY);
    db.execute("DELETE FROM integration_messages WHERE created_at < '2026-11-25'");

    CliRun refused = run("refresh", "--full");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(refused.err()).contains("fewer than the live table's", "--max-shrink-percent 100");
    assertThat(SummaryTable.read(db.dataSource(), SUMMARY)).isEqualTo(before);
    assertThat(db.tableExists(SUMMARY + "__new")).isFalse();
    assertThat(run("refresh", "--full", "--max-shrink-percent", "100").exitCode()).isZero();
  }

  /** A transaction that has read the table holds its metadata lock until it ends. */
  private Connection openTransactionReading(String table) throws Exception {
    Connection connection = db.dataSource().getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement read = connection.prepareStatement("SELECT COUNT(*) FROM " + table)) {
      read.executeQuery().close();
    }
    return connection;
  }

  private void awaitRenameWaiting() {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> renamesWaiting() > 0);
  }

  private void awaitRenameNotWaiting() {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> renamesWaiting() == 0);
  }

  private long renamesWaiting() throws Exception {
    return db.queryLong(
        "SELECT COUNT(*) FROM information_schema.processlist"
            + " WHERE info LIKE 'RENAME TABLE%' AND state LIKE 'Waiting for table metadata lock%'");
  }

  private CliRun run(String... args) {
    return CliRun.run(db.env(), NOW, args);
  }
}
