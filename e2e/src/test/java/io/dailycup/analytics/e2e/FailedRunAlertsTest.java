package io.dailycup.analytics.e2e;

import static io.dailycup.analytics.e2e.ScheduledRefreshTest.hasFinishedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.dailycup.analytics.e2e.harness.AlertSinks;
import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.RunResult;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run that fails because the database Secret holds a wrong password: the real Job controller
 * marks the Job failed, the operator alerts once on each channel, and the audit row, which the same
 * wrong password keeps out of the database, waits in status until the Secret is fixed.
 */
class FailedRunAlertsTest {

  private static final String WRONG_PASSWORD = "not-the-password";

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;
  @AutoClose private static AlertSinks alerts;
  private static String database;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-failing");
    database = namespace.createDatabase(10);
    namespace.databaseSecret("db", database, WRONG_PASSWORD);
    alerts = new AlertSinks();
    alerts.createSecrets(namespace);
  }

  @Test
  void failedRunAlertsOnceOnEachChannelAndIsAuditedOnceTheDatabaseAcceptsIt() throws Exception {
    namespace.apply(
        RefreshYaml.incremental("failing", RefreshYaml.dailyFarFromNow(), AlertSinks.alertsYaml()));
    namespace.annotate("failing", "analytics.dailycup.io/refresh-requested-at=run-1");

    AnalyticsRefresh failed =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> namespace.refresh("failing"),
                current -> hasFinishedRun(current, RunResult.FAILED));
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts.slackMessages().size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts.emails().size() == 1);

    assertThat(failed.getStatus().getConsecutiveFailures()).isEqualTo(1);
    assertThat(alerts.slackMessages().get(0))
        .contains("e2e-failing/failing", "Access denied for user 'refresh'")
        .doesNotContain(WRONG_PASSWORD);
    assertThat(GreenMailUtil.getBody(alerts.emails().get(0)))
        .contains("e2e-failing/failing", "Access denied for user 'refresh'")
        .doesNotContain(WRONG_PASSWORD);
    assertThat(failed.getStatus().getPendingAudit()).isNotEmpty();
    // The audit database refuses the same wrong password: a refusal, reported for a person.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(namespace.refresh("failing").getStatus().getAuditError())
                    .startsWith("audit rows refused by ")
                    .contains("Access denied for user 'refresh'")
                    .doesNotContain(WRONG_PASSWORD));
    assertThat(
            namespace.kubectl("get", "events", "--field-selector", "reason=AuditRefused").output())
        .contains("audit rows wait in status.pendingAudit");

    namespace.databaseSecret("db", database, environment.database().password());

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> environment.database().auditRows(database),
            rows ->
                rows.stream()
                    .anyMatch(row -> row.startsWith("ANALYTICS_MATERIALIZED_REFRESH_FAILED/")));
    assertThat(environment.database().auditRows(database))
        .filteredOn(row -> row.startsWith("ANALYTICS_MATERIALIZED_REFRESH_FAILED/"))
        .hasSize(1);
    assertThat(alerts.slackMessages()).hasSize(1);
    assertThat(alerts.emails()).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> namespace.refresh("failing").getStatus().getAuditError() == null);
  }
}
