package io.dailycup.analytics.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.RunResult;
import io.dailycup.analytics.operator.model.RunTrigger;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path of a scheduled run on a real control plane: the operator applies the CronJob, the
 * CronJob controller starts a Job on the minute, the Job controller makes a Pod, the node agent
 * runs the refresh against MariaDB, and the operator records the success in status, the audit table
 * and the metrics.
 */
class ScheduledRefreshTest {

  /** A minute until the schedule fires, plus the controllers' and the job's own time. */
  private static final Duration SCHEDULED_RUN = Duration.ofSeconds(150);

  private static final int MESSAGES = 120;

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;
  private static String database;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-scheduled");
    database = namespace.createDatabase(MESSAGES);
  }

  @Test
  void scheduledRunRefreshesTheSummaryAndIsRecordedInStatusAuditAndMetrics() throws Exception {
    namespace.apply(RefreshYaml.incremental("every-minute", "* * * * *"));

    AnalyticsRefresh refresh =
        await()
            .atMost(SCHEDULED_RUN)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> namespace.refresh("every-minute"),
                current -> hasFinishedRun(current, RunResult.SUCCEEDED));

    assertThat(refresh.getStatus().getLastRun().getTrigger()).isEqualTo(RunTrigger.SCHEDULED);
    assertThat(refresh.getStatus().getLastSuccessfulTime()).isNotBlank();
    assertThat(environment.database().summarisedMessages(database)).isEqualTo(MESSAGES);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> environment.database().auditRows(database),
            rows ->
                rows.stream().anyMatch(row -> row.startsWith("ANALYTICS_MATERIALIZED_REFRESH/")));
    String metrics = environment.operator().scrapeMetrics();
    // At least one: the next minute's run may have finished by the time of the scrape.
    assertThat(metrics)
        .containsPattern(
            "analytics_refresh_runs_total\\{name=\"every-minute\",namespace=\"e2e-scheduled\","
                + "result=\"Succeeded\",trigger=\"Scheduled\"\\} [1-9][0-9]*\\.0\\n")
        .containsPattern(
            "analytics_refresh_last_success_timestamp_seconds\\{name=\"every-minute\","
                + "namespace=\"e2e-scheduled\"\\} [0-9.E]+\\n");
  }

  @Test
  void cronJobIsServerSideAppliedWithTheChartsJobImage() throws Exception {
    namespace.apply(RefreshYaml.incremental("applied", RefreshYaml.dailyFarFromNow()));

    CronJob cronJob =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    environment
                        .admin()
                        .batch()
                        .v1()
                        .cronjobs()
                        .inNamespace(namespace.name())
                        .withName("applied")
                        .get(),
                found -> found != null);

    assertThat(cronJob.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getOperation)
        .containsOnly("Apply");
    assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(
            container ->
                assertThat(container.getImage())
                    .isEqualTo(E2eEnvironment.JOB_IMAGE_REPOSITORY + ":e2e"));
    assertThat(cronJob.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getController()).isTrue());
  }

  static boolean hasFinishedRun(AnalyticsRefresh refresh, RunResult result) {
    return refresh != null
        && refresh.getStatus() != null
        && refresh.getStatus().getLastRun() != null
        && refresh.getStatus().getLastRun().getResult() == result;
  }

  static long jobsWithTrigger(Namespace namespace, String trigger) {
    return namespace.jobs().stream()
        .map(Job::getMetadata)
        .filter(
            metadata -> trigger.equals(metadata.getLabels().get("analytics.dailycup.io/trigger")))
        .count();
  }
}
