package io.dailycup.analytics.operator.reconcile;

import static io.dailycup.analytics.operator.reconcile.OperatorHarness.NAMESPACE;
import static io.dailycup.analytics.operator.reconcile.OperatorHarness.refresh;
import static io.dailycup.analytics.operator.reconcile.OperatorHarness.validDatabaseSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.SecretKeyReference;
import io.dailycup.analytics.operator.model.SlackAlertSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stale condition follows the age of the last success on the operator's clock (moved by the
 * test, never waited for), and /metrics carries each resource's series until it is deleted.
 */
@EnableKubernetesMockClient(crud = true)
class StalenessAndMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  KubernetesClient client;
  private OperatorHarness operator;
  private JobSimulator jobs;

  @BeforeEach
  void startOperator() {
    operator = new OperatorHarness(client).start();
    jobs = new JobSimulator(client, operator.clock());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void aRefreshWithoutSuccessForTwiceItsIntervalIsStaleOncePerEpisodeUntilASuccess() {
    operator.createDatabaseSecret("daily-db", validDatabaseSecret());
    client.resource(refresh("daily", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("daily");
    awaitStale("daily", "False");

    operator.clock().advance(Duration.ofHours(51)); // beyond 2 x 25 h, the longest daily gap
    operator.annotate("daily", Map.of("test/poke", "1"));

    AnalyticsRefresh stale = awaitStale("daily", "True");
    assertThat(stale.getStatus().getStaleSince()).isNotNull();
    assertThat(metric("analytics_refresh_stale", "daily")).isEqualTo(1.0);
    operator.annotate("daily", Map.of("test/poke", "2"));
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> staleEvents("daily") == 1);

    jobs.startScheduled(cronJob, "daily-1");
    jobs.finish(NAMESPACE, "daily-1", true, null);

    awaitStale("daily", "False");
    assertThat(operator.get("daily").getStatus().getStaleSince()).isNull();
    assertThat(metric("analytics_refresh_stale", "daily")).isZero();
  }

  @Test
  void aSuspendedRefreshIsNeverStale() {
    operator.createDatabaseSecret("held-db", validDatabaseSecret());
    AnalyticsRefresh held = refresh("held", "0 3 * * *");
    held.getSpec().setSuspend(true);
    client.resource(held).create();
    awaitCronJob("held");

    operator.clock().advance(Duration.ofDays(30));
    operator.annotate("held", Map.of("test/poke", "1"));

    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var condition =
                  Conditions.get(operator.get("held").getStatus(), Conditions.STALE).orElseThrow();
              assertThat(condition.getStatus()).isEqualTo("False");
              assertThat(condition.getReason()).isEqualTo("Suspended");
            });
  }

  @Test
  void aResumedRefreshCountsStalenessFromItsResumption() {
    operator.createDatabaseSecret("resumed-db", validDatabaseSecret());
    AnalyticsRefresh resumed = refresh("resumed", "0 3 * * *");
    resumed.getSpec().setSuspend(true);
    client.resource(resumed).create();
    awaitCronJob("resumed");
    operator.clock().advance(Duration.ofDays(30));

    operator.edit("resumed", r -> r.getSpec().setSuspend(false));

    await().atMost(WAIT).until(() -> operator.get("resumed").getStatus().getResumedTime() != null);
    awaitStale("resumed", "False");
    operator.clock().advance(Duration.ofHours(49));
    operator.annotate("resumed", Map.of("test/poke", "1"));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        Conditions.get(operator.get("resumed").getStatus(), Conditions.STALE)
                            .orElseThrow()
                            .getStatus())
                    .isEqualTo("False"));

    operator.clock().advance(Duration.ofHours(2));
    operator.annotate("resumed", Map.of("test/poke", "2"));

    awaitStale("resumed", "True");
  }

  @Test
  void metricsCarryEachRunAndDisappearWithTheResource() {
    operator.createDatabaseSecret("measured-db", validDatabaseSecret());
    client.resource(refresh("measured", "0 */6 * * *")).create();
    CronJob cronJob = awaitCronJob("measured");
    jobs.startScheduled(cronJob, "measured-1");
    jobs.finish(
        NAMESPACE,
        "measured-1",
        true,
        "{\"result\":\"Succeeded\",\"exitCode\":0,\"rowsWritten\":42,"
            + "\"durationSeconds\":2.5,\"message\":\"ok\"}");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(metric("analytics_refresh_last_run_rows", "measured")).isEqualTo(42.0);
              assertThat(metric("analytics_refresh_last_run_duration_seconds", "measured"))
                  .isEqualTo(2.5);
              assertThat(metric("analytics_refresh_last_success_timestamp_seconds", "measured"))
                  .isPositive();
              assertThat(metric("analytics_refresh_expected_interval_seconds", "measured"))
                  .isEqualTo(21600.0);
              assertThat(operator.scrape())
                  .containsPattern(
                      "analytics_refresh_runs_total\\{[^}]*name=\"measured\"[^}]*"
                          + "result=\"Succeeded\"[^}]*trigger=\"Scheduled\"[^}]*} 1\\.0");
            });
    assertThat(operator.scrape())
        .contains("jvm_memory_used_bytes")
        .contains("operator_sdk_")
        .doesNotContainPattern("operator_sdk_\\w+\\{[^}]*\"measured\"");

    client.resources(AnalyticsRefresh.class).inNamespace(NAMESPACE).withName("measured").delete();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.scrape())
                    .doesNotContainPattern("analytics_refresh_\\w+\\{[^}]*name=\"measured\""));
  }

  @Test
  void alertCountersStartAtZeroForTheChannelsTheResourceUsesOnly() {
    operator.createDatabaseSecret("slack-only-db", validDatabaseSecret());
    operator.createDatabaseSecret("slack-only-hook", Map.of("webhook", "https://hooks.example/x"));
    AnalyticsRefresh slackOnly = refresh("slack-only", "0 3 * * *");
    SlackAlertSpec slack = new SlackAlertSpec();
    SecretKeyReference webhook = new SecretKeyReference();
    webhook.setName("slack-only-hook");
    webhook.setKey("webhook");
    slack.setWebhookSecretRef(webhook);
    slackOnly.getSpec().getAlerts().setSlack(slack);
    client.resource(slackOnly).create();
    awaitCronJob("slack-only");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.scrape())
                    .containsPattern(
                        "analytics_refresh_alerts_total\\{channel=\"slack\",name=\"slack-only\""
                            + "[^}]*result=\"failed\",type=\"Failure\"} 0\\.0"));
    assertThat(operator.scrape())
        .doesNotContainPattern(
            "analytics_refresh_alerts_total\\{channel=\"email\",name=\"slack-only\"");
  }

  /** The value of a series of the resource {@code name}, parsed from the scrape. */
  private double metric(String series, String name) {
    Pattern line = Pattern.compile("^" + series + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(operator.scrape());
    while (matcher.find()) {
      if (matcher.group(1).contains("name=\"" + name + "\"")) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    throw new AssertionError(series + " for " + name + " is not in the scrape");
  }

  private long staleEvents(String name) {
    return operator.events(name).stream()
        .filter(event -> "Stale".equals(event.getReason()))
        .count();
  }

  private CronJob awaitCronJob(String name) {
    return await().atMost(WAIT).until(() -> operator.cronJob(name), cronJob -> cronJob != null);
  }

  private AnalyticsRefresh awaitStale(String name, String value) {
    return await()
        .atMost(WAIT)
        .until(
            () -> operator.get(name),
            refresh ->
                refresh.getStatus() != null
                    && Conditions.get(refresh.getStatus(), Conditions.STALE)
                        .map(c -> value.equals(c.getStatus()))
                        .orElse(false));
  }
}
