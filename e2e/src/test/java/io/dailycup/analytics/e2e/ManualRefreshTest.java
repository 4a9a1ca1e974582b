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
    namespace.apply(RefreshYaml.incremental("nightly", "0 3 * * *", AlertSinks.alertsYaml()));
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
    assertThat(environment.database().summarisedMessages(database)).isEqualTo(30);

    annotate(REFRESH_REQUEST + "=2026-12-03T10:00:00Z");
    // Touch the resource so that a reconcile runs with the repeated token in place.
    annotate("e2e.dailycup.io/touched=after-repeat");

    await()
        .during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(15))
        .until(() -> jobsWithTrigger(namespace, "Manual") == 1);
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

  private void annotate(String annotation) throws Exception {
    Kubectl.Result result =
        namespace.kubectl("annotate", "--overwrite", "analyticsrefresh", "nightly", annotation);
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
