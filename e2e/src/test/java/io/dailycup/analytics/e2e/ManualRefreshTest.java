package io.dailycup.analytics.e2e;

import static io.dailycup.analytics.e2e.ScheduledRefreshTest.hasFinishedRun;
import static io.dailycup.analytics.e2e.ScheduledRefreshTest.jobsWithTrigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.e2e.harness.AlertSinks;
import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Kubectl;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import io.dailycup.analytics.operator.model.RunResult;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user does with {@code kubectl annotate}: an ad-hoc refresh and a test alert. */
class ManualRefreshTest {

  private static final String REFRESH_REQUEST = "analytics.dailycup.io/refresh-requested-at";
  private static final String TEST_ALERT_REQUEST = "analytics.dailycup.io/test-alert-requested-at";

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;
  @AutoClose private static AlertSinks alerts;
  private static String database;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-manual");
    database = namespace.createDatabase(30);
    alerts = new AlertSinks();
    alerts.createSecrets(namespace);
    namespace.apply(
        RefreshYaml.incremental("nightly", RefreshYaml.dailyFarFromNow(), AlertSinks.alertsYaml()));
  }

  @Test
  void aRefreshTokenStartsExactlyOneManualJobAndTheSameTokenAgainNone() throws Exception {
    annotate(REFRESH_REQUEST + "=2026-12-03T10:00:00Z");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> namespace.refresh("nightly"),
            refresh ->
                hasFinishedRun(refresh, RunResult.SUCCEEDED)
                    && "2026-12-03T10:00:00Z"
                        .equals(refresh.getStatus().getLastHandledRefreshRequest()));
    assertThat(jobsWithTrigger(namespace, "Manual")).isEqualTo(1);
    assertThat(triggeredAuditRows()).isEqualTo(1);
    assertThat(environment.database().summarisedMessages(database)).isEqualTo(30);
    String firstRun = namespace.refresh("nightly").getStatus().getLastRun().getJobName();

    annotate(REFRESH_REQUEST + "=2026-12-03T10:00:00Z");
    awaitReconcileOfANewGeneration();

    // The Job is named from the token, so a second run would adopt it: its audit row and its
    // lastRun would show it, not the count of Jobs alone.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobsWithTrigger(namespace, "Manual") == 1 && triggeredAuditRows() == 1);
    assertThat(namespace.refresh("nightly").getStatus().getLastRun().getJobName())
        .isEqualTo(firstRun);
  }

  @Test
  void aTestAlertTokenSendsOneTestAlertOnEachChannel() throws Exception {
    int slackBefore = alerts.slackMessages().size();
    int emailsBefore = alerts.emails().size();

    annotate(TEST_ALERT_REQUEST + "=check-1");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> alerts.slackMessages().size() == slackBefore + 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> alerts.emails().size() == emailsBefore + 1);
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                alerts.slackMessages().size() == slackBefore + 1
                    && alerts.emails().size() == emailsBefore + 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> namespace.refresh("nightly").getStatus().getLastHandledTestAlertRequest(),
            "check-1"::equals);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> environment.database().auditRows(database),
            rows -> rows.stream().anyMatch(row -> row.startsWith("ANALYTICS_ALERT_TEST/")));
    Kubectl.Result events =
        namespace.kubectl("get", "events", "--field-selector", "involvedObject.name=nightly");
    assertThat(events.output()).contains("TestAlertSent");
  }

  /**
   * Changes the spec (the window, from three days to four) and waits until the operator has
   * reconciled the new generation: that reconcile saw every annotation in place.
   */
  private static void awaitReconcileOfANewGeneration() throws Exception {
    long before = namespace.refresh("nightly").getMetadata().getGeneration();
    Kubectl.Result patched =
        namespace.kubectl(
            "patch",
            "analyticsrefresh",
            "nightly",
            "--type=merge",
            "-p",
            "{\"spec\":{\"days\":4}}");
    assertThat(patched.exitCode()).as(patched.output()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> namespace.refresh("nightly").getStatus().getObservedGeneration(),
            observed -> observed != null && observed > before);
  }

  private static long triggeredAuditRows() throws Exception {
    return environment.database().auditRows(database).stream()
        .filter(row -> row.startsWith("ANALYTICS_MATERIALIZED_REFRESH_TRIGGERED/"))
        .count();
  }

  private static void annotate(String annotation) throws Exception {
    namespace.annotate("nightly", annotation);
  }
}
