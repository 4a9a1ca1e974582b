package io.dailycup.analytics.job.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.cli.ExitCode;
import io.dailycup.analytics.job.demo.SampleMessages;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.sql.TableName;
import io.dailycup.analytics.job.testing.CliRun;
import io.dailycup.analytics.job.testing.DatabaseExtension;
import io.dailycup.analytics.job.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code verify} passes on a correct summary and names every tampered, missing or extra row. */
class VerifyCommandTest {

  @RegisterExtension static final DatabaseExtension DB = new DatabaseExtension("verify");

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
  private static final String SUMMARY = "analytics_integration_messages_daily_mat";

  private TestDatabase db;

  @BeforeEach
  void refreshedSummary() throws Exception {
    db = DB.database();
    db.dropAllTables();
    db.createSource();
    new SampleMessages(61)
        .insertDays(
            db.dataSource(),
            TableName.of("integration_messages"),
            RefreshWindow.lastDays(10, LocalDate.of(2026, 12, 3), ZoneOffset.UTC),
            300);
    assertThat(run("refresh", "--days", "10").exitCode()).isZero();
  }

  @Test
  void passesOnACorrectSummary() {
    CliRun run = run("verify", "--days", "10");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SUCCESS.code());
    assertThat(run.out()).contains("all", "rows match");
  }

  @Test
  void reportsATamperedRowAndExitsWithDifferences() throws Exception {
    db.execute(
        "UPDATE "
            + SUMMARY
            + " SET total_payload_bytes = total_payload_bytes + 1"
            + " WHERE day = '2026-12-01' AND integration = 'stripe' AND direction = 'inbound'"
            + " AND status = 'delivered'");

    CliRun run = run("verify", "--days", "7");

    assertThat(run.exitCode())
        .as(run.toString())
        .isEqualTo(ExitCode.DIFFERENCES.code())
        .isEqualTo(4);
    assertThat(run.out())
        .contains("1 differ")
        .contains("different 2026-12-01 stripe/inbound/delivered");
  }

  @Test
  void reportsMissingAndUnexpectedRows() throws Exception {
    db.execute(
        "DELETE FROM "
            + SUMMARY
            + " WHERE day = '2026-12-02' AND integration = 'shopify'"
            + " AND direction = 'outbound' AND status = 'delivered'");
    db.execute(
        "INSERT INTO "
            + SUMMARY
            + " (day, integration, direction, status, message_count,"
            + " processed_count, total_processing_ms, max_processing_ms, total_payload_bytes,"
            + " refreshed_at) VALUES ('2026-12-02', 'ghost', 'inbound', 'delivered', 1, 1, 1, 1,"
            + " 1, NOW())");

    CliRun run = run("verify", "--days", "3");

    assertThat(run.exitCode()).isEqualTo(ExitCode.DIFFERENCES.code());
    assertThat(run.out())
        .contains("missing   2026-12-02 shopify/outbound/delivered")
        .contains("unexpected 2026-12-02 ghost/inbound/delivered");
  }

  @Test
  void ignoresDifferencesOutsideItsWindow() throws Exception {
    db.execute("UPDATE " + SUMMARY + " SET message_count = 0 WHERE day = '2026-11-24'");

    assertThat(run("verify", "--days", "7").exitCode()).isZero();
    assertThat(run("verify", "--days", "10").exitCode()).isEqualTo(ExitCode.DIFFERENCES.code());
  }

  private CliRun run(String... args) {
    return CliRun.run(db.env(), NOW, args);
  }
}
