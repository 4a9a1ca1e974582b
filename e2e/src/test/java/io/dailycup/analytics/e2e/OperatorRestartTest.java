package io.dailycup.analytics.e2e;

import static io.dailycup.analytics.e2e.ScheduledRefreshTest.hasFinishedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.e2e.harness.AlertSinks;
import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import io.dailycup.analytics.operator.model.RunResult;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator stopped while a run is in flight and started again: the run that ended while it was
 * away is alerted and audited once, and a further restart repeats neither.
 */
class OperatorRestartTest {

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;
  @AutoClose private static AlertSinks alerts;
  private static String database;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-restart");
    database = namespace.createDatabase(10);
    // The run fails on the missing source table, while the audit rows can still be written.
    environment.database().dropSourceTable(database);
    alerts = new AlertSinks();
    alerts.createSecrets(namespace);
  }

  @AfterAll
  static void restoreOperatorAndNode() throws Exception {
    if (environment != null) {
      environment.node().release();
      environment.startOperator();
    }
  }

  @Test
  void aRunThatFailsWhileTheOperatorIsDownIsAlertedAndAuditedExactlyOnce() throws Exception {
    namespace.apply(
        RefreshYaml.incremental(
            "restarted", RefreshYaml.dailyFarFromNow(), AlertSinks.alertsYaml()));
    environment.node().hold();
    namespace.annotate("restarted", "analytics.dailycup.io/refresh-requested-at=r1");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> namespace.refresh("restarted"),
            refresh -> hasFinishedRun(refresh, RunResult.RUNNING));

    environment.stopOperator();
    environment.node().release();
    await().atMost(Duration.ofSeconds(60)).until(OperatorRestartTest::jobFailed);
    environment.startOperator();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> namespace.refresh("restarted"),
            refresh -> hasFinishedRun(refresh, RunResult.FAILED));
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts.slackMessages().size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> failureAuditRows() == 1);

    environment.stopOperator();
    environment.startOperator();

    awaitReconciledByTheNewOperator();
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> alerts.slackMessages().size() == 1 && failureAuditRows() == 1);
    assertThat(alerts.emails()).hasSize(1);
  }

  /**
   * Waits until the operator just started has reconciled the resource: it publishes the metrics of
   * a resource after alerting on and auditing its runs, so from then on a repeat would show.
   */
  private static void awaitReconciledByTheNewOperator() {
    String lastFailure =
        "analytics_refresh_last_failure_timestamp_seconds{name=\"restarted\",namespace=\""
            + namespace.name()
            + "\"}";
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> environment.operator().scrapeMetrics().contains(lastFailure));
  }

  /** Whether the Job controller has given up on the Job (after its retries, if any). */
  private static boolean jobFailed() {
    return namespace.jobs().stream()
        .map(Job::getStatus)
        .filter(status -> status != null && status.getConditions() != null)
        .flatMap(status -> status.getConditions().stream())
        .anyMatch(
            condition ->
                "Failed".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  private static long failureAuditRows() throws Exception {
    return environment.database().auditRows(database).stream()
        .filter(row -> row.startsWith("ANALYTICS_MATERIALIZED_REFRESH_FAILED/"))
        .count();
  }
}
