package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.cli.AnalyticsRefreshCli;
import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.SummaryTable;
import io.dailycup.analytics.job.testing.TestDatabase;
import io.dailycup.analytics.job.verify.GroupKey;
import io.dailycup.analytics.job.verify.Measures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full refresh killed part way (the process gone, its connections dropped) leaves the live
 * summary exactly as it was; the next run drops the leftover shadow table and succeeds.
 */
class KilledRefreshTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("killed");

  private static final ZoneId ZONE = ZoneId.of("UTC");
  private static final String SUMMARY = "analytics_integration_messages_daily_mat";
  private static final String SHADOW = SUMMARY + "__new";

  @Test
  void aKilledFullRefreshLeavesTheLiveTableIntactAndTheNextRunCleansUp() throws Exception {
    TestDatabase db = DB.database();
    db.createSource();
    LocalDate today = LocalDate.now(ZONE);
    RefreshWindow history = RefreshWindow.lastDays(200, today, ZONE);
    SampleMessages messages = new SampleMessages(41);
    messages.insertDays(db.dataSource(), TableName.of("integration_messages"), history, 800);
    assertThat(CliRun.run(db.env(), Clock.systemUTC(), "refresh", "--full").exitCode()).isZero();
    messages.insertLate(db.dataSource(), TableName.of("integration_messages"), history, 2_000);
    Map<GroupKey, Measures> liveBefore = SummaryTable.read(db.dataSource(), SUMMARY);

    Process child = startFullRefreshProcess(db);
    try {
      // One committed day in the shadow: the run is under way and far from done.
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(2))
          .ignoreExceptions()
          .until(() -> db.queryLong("SELECT COUNT(*) FROM " + SHADOW) > 0);
    } finally {
      child.destroyForcibly().waitFor();
    }

    assertThat(SummaryTable.read(db.dataSource(), SUMMARY)).isEqualTo(liveBefore);
    assertThat(db.tableExists(SHADOW)).as("the killed run's shadow is left behind").isTrue();

    CliRun next = CliRun.run(db.env(), Clock.systemUTC(), "refresh", "--full");

    assertThat(next.exitCode()).as(next.toString()).isZero();
    assertThat(next.out()).contains("dropping " + SHADOW + ", left by an earlier run");
    assertThat(db.tableExists(SHADOW)).isFalse();
    assertThat(SummaryTable.read(db.dataSource(), SUMMARY))
        .isEqualTo(SummaryTable.reference(db.dataSource(), ZONE, history.first(), history.last()));
  }

  /** The CLI in a JVM of its own, committing the shadow a day at a time. */
  private static Process startFullRefreshProcess(TestDatabase db) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AnalyticsRefreshCli.class.getName(),
                "refresh",
                "--full",
                "--chunk-days",
                "1"));
    builder.environment().putAll(db.env());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }
}
