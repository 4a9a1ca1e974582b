package io.dailycup.analytics.operator.reconcile;

import static io.dailycup.analytics.operator.reconcile.OperatorHarness.NAMESPACE;
import static io.dailycup.analytics.operator.reconcile.OperatorHarness.refresh;
import static io.dailycup.analytics.operator.reconcile.OperatorHarness.validDatabaseSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.RefreshMode;
import io.dailycup.analytics.operator.model.RunResult;
import io.dailycup.analytics.operator.model.RunTrigger;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reconcile flows on the Fabric8 mock server (CRUD mode). The mock server has no server-side apply,
 * no schema validation, no garbage collector and no CronJob or Job controllers: the operator runs
 * here with SSA off, and {@link JobSimulator} plays the controllers.
 */
@EnableKubernetesMockClient(crud = true)
class AnalyticsRefreshReconcilerTest {

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
  void createsACronJobWithEveryFieldTheDesignAsksFor() {
    operator.createDatabaseSecret("nightly-db", validDatabaseSecret());
    AnalyticsRefresh nightly = refresh("nightly", "0 3 * * *");
    nightly.getSpec().setTimeZone("Europe/Amsterdam");
    nightly.getSpec().setDays(14);
    client.resource(nightly).create();

    CronJob cronJob = awaitCronJob("nightly");

    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 3 * * *");
    assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Europe/Amsterdam");
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cronJob.getSpec().getSuspend()).isFalse();
    assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isEqualTo(600L);
    assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
    assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(3);
    var owner = cronJob.getMetadata().getOwnerReferences();
    assertThat(owner).hasSize(1);
    assertThat(owner.get(0).getKind()).isEqualTo("AnalyticsRefresh");
    assertThat(owner.get(0).getController()).isTrue();
    var job = cronJob.getSpec().getJobTemplate();
    assertThat(job.getMetadata().getLabels()).containsEntry(Labels.REFRESH, "nightly");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600L);
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo(OperatorHarness.IMAGE);
    assertThat(container.getArgs()).containsExactly("refresh", "--days", "14");
    assertThat(container.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("DB_PASSWORD");
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("nightly-db");
              assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
            });
    assertThat(container.getEnv())
        .anySatisfy(env -> assertThat(env.getValue()).isEqualTo("Europe/Amsterdam"));

    AnalyticsRefresh status = awaitCondition("nightly", Conditions.READY, "True");
    assertThat(status.getStatus().getCronJobName()).isEqualTo("nightly");
    assertThat(status.getStatus().getNextScheduleTime()).isNotNull();
    assertThat(status.getStatus().getObservedGeneration())
        .isEqualTo(status.getMetadata().getGeneration());
    assertThat(condition(status, Conditions.STALLED).getStatus()).isEqualTo("False");
    assertThat(condition(status, Conditions.LAST_RUN_SUCCEEDED).getStatus()).isEqualTo("Unknown");
  }

  @Test
  void aSpecChangeUpdatesTheCronJob() {
    operator.createDatabaseSecret("weekly-db", validDatabaseSecret());
    client.resource(refresh("weekly", "@weekly")).create();
    awaitCronJob("weekly");

    operator.edit(
        "weekly",
        r -> {
          r.getSpec().setMode(RefreshMode.FULL);
          r.getSpec().setSchedule("30 4 * * 0");
          r.getSpec().getJob().setImage("registry.example/custom:2");
        });

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              CronJob cronJob = operator.cronJob("weekly");
              assertThat(cronJob.getSpec().getSchedule()).isEqualTo("30 4 * * 0");
              var container = CronJobFactory.jobContainer(cronJob);
              assertThat(container.getArgs()).containsExactly("refresh", "--full");
              assertThat(container.getImage()).isEqualTo("registry.example/custom:2");
            });
  }

  @Test
  void suspendPassesThroughAndClearsTheNextScheduleTime() {
    operator.createDatabaseSecret("paused-db", validDatabaseSecret());
    client.resource(refresh("paused", "0 * * * *")).create();
    awaitCronJob("paused");

    operator.edit("paused", r -> r.getSpec().setSuspend(true));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(operator.cronJob("paused").getSpec().getSuspend()).isTrue();
              assertThat(operator.get("paused").getStatus().getNextScheduleTime()).isNull();
            });
  }

  static Stream<Arguments> invalidResources() {
    return Stream.of(
        Arguments.of(
            "bad-cron",
            (Consumer<AnalyticsRefresh>) r -> r.getSpec().setSchedule("0 25 * * *"),
            validDatabaseSecret(),
            "InvalidSchedule",
            "spec.schedule"),
        Arguments.of(
            "six-fields",
            (Consumer<AnalyticsRefresh>) r -> r.getSpec().setSchedule("0 0 3 * * *"),
            validDatabaseSecret(),
            "InvalidSchedule",
            "five fields"),
        Arguments.of(
            "bad-zone",
            (Consumer<AnalyticsRefresh>) r -> r.getSpec().setTimeZone("Mars/Olympus"),
            validDatabaseSecret(),
            "InvalidTimeZone",
            "Mars/Olympus"),
        Arguments.of(
            "zero-days",
            (Consumer<AnalyticsRefresh>) r -> r.getSpec().setDays(0),
            validDatabaseSecret(),
            "InvalidSpec",
            "spec.days must be between 1 and 3650"),
        Arguments.of(
            "no-secret",
            (Consumer<AnalyticsRefresh>)
                r -> r.getSpec().getDatabase().getSecretRef().setName("absent"),
            validDatabaseSecret(),
            "SecretNotFound",
            "Secret absent not found"),
        Arguments.of(
            "no-password",
            (Consumer<AnalyticsRefresh>) r -> {},
            withoutPassword(),
            "SecretKeyMissing",
            "has no key password"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidResources")
  void anInvalidResourceIsStalledWithAnEventAndNoCronJob(
      String name,
      Consumer<AnalyticsRefresh> breakIt,
      Map<String, String> secret,
      String reason,
      String message) {
    operator.createDatabaseSecret(name + "-db", secret);
    AnalyticsRefresh refresh = refresh(name, "0 3 * * *");
    breakIt.accept(refresh);
    client.resource(refresh).create();

    AnalyticsRefresh stalled = awaitCondition(name, Conditions.STALLED, "True");

    Condition condition = condition(stalled, Conditions.STALLED);
    assertThat(condition.getReason()).isEqualTo(reason);
    assertThat(condition.getMessage()).contains(message).doesNotContain("s3cret-db-password");
    assertThat(condition(stalled, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(operator.scrape())
        .contains(
            "analytics_refresh_stalled{name=\"%s\",namespace=\"%s\"} 1.0"
                .formatted(name, NAMESPACE));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.events(name))
                    .anySatisfy(
                        event -> {
                          assertThat(event.getType()).isEqualTo("Warning");
                          assertThat(event.getReason()).isEqualTo(reason);
                        }));
    assertThat(operator.cronJob(name)).isNull();
  }

  @Test
  void aStalledResourceRecoversWhenItsSecretAppears() {
    client.resource(refresh("late-secret", "0 3 * * *")).create();
    awaitCondition("late-secret", Conditions.STALLED, "True");
    assertThat(operator.scrape())
        .contains(
            "analytics_refresh_stalled{name=\"late-secret\",namespace=\"%s\"} 1.0"
                .formatted(NAMESPACE));

    operator.createDatabaseSecret("late-secret-db", validDatabaseSecret());
    operator.edit("late-secret", r -> r.getMetadata().getAnnotations().put("touch", "1"));

    awaitCondition("late-secret", Conditions.READY, "True");
    assertThat(operator.cronJob("late-secret")).isNotNull();
    assertThat(operator.scrape())
        .contains(
            "analytics_refresh_stalled{name=\"late-secret\",namespace=\"%s\"} 0.0"
                .formatted(NAMESPACE));
  }

  @Test
  void aRefreshTokenCreatesExactlyOneJobEvenAfterARestart() {
    operator.createDatabaseSecret("manual-db", validDatabaseSecret());
    client.resource(refresh("manual", "0 3 * * *")).create();
    awaitCronJob("manual");

    operator.annotate(
        "manual", Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "2026-12-03T10:00:00Z"));

    AnalyticsRefresh handled = awaitHandledRequest("manual", "2026-12-03T10:00:00Z");
    List<Job> created = operator.jobs();
    assertThat(created).hasSize(1);
    Job job = created.get(0);
    assertThat(job.getMetadata().getName())
        .isEqualTo(ManualJobFactory.jobName("manual", "2026-12-03T10:00:00Z"));
    assertThat(job.getMetadata().getLabels()).containsEntry(Labels.TRIGGER, "Manual");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("CronJob");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
    assertThat(handled.getStatus().getLastHandledRefreshRequest())
        .isEqualTo("2026-12-03T10:00:00Z");
    assertThat(operator.events("manual"))
        .anyMatch(event -> "RefreshTriggered".equals(event.getReason()));

    operator.edit("manual", r -> r.getMetadata().getAnnotations().put("unrelated", "change"));
    operator.restart();
    operator.edit("manual", r -> r.getMetadata().getAnnotations().put("unrelated", "again"));

    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> operator.jobs().size() == 1);
  }

  @Test
  void aTokenWhoseJobExistsAlreadyIsAdoptedNotRunTwice() {
    operator.createDatabaseSecret("adopt-db", validDatabaseSecret());
    client.resource(refresh("adopt", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("adopt");
    // As if an earlier operator created the Job and died before recording the token.
    client
        .resource(
            ManualJobFactory.create(cronJob, "adopt", "token-1", List.of("refresh", "--days", "7")))
        .create();

    operator.annotate("adopt", Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "token-1"));

    awaitHandledRequest("adopt", "token-1");
    assertThat(operator.jobs()).hasSize(1);
  }

  @Test
  void theRefreshDaysAnnotationOverridesTheWindowForThatRunOnly() {
    operator.createDatabaseSecret("override-db", validDatabaseSecret());
    client.resource(refresh("override", "0 3 * * *")).create();
    awaitCronJob("override");

    operator.annotate(
        "override",
        Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "a", AnalyticsRefresh.REFRESH_DAYS, "full"));

    awaitHandledRequest("override", "a");
    assertThat(
            operator
                .jobs()
                .get(0)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsExactly("refresh", "--full");
    assertThat(
            operator
                .cronJob("override")
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsExactly("refresh", "--days", "7");
  }

  @Test
  void aRequestDuringAnActiveRunIsDeferredAndStartsWhenTheRunEnds() {
    operator.createDatabaseSecret("busy-db", validDatabaseSecret());
    client.resource(refresh("busy", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("busy");
    jobs.startScheduled(cronJob, "busy-29000000");

    operator.annotate("busy", Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "later"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              AnalyticsRefresh busy = operator.get("busy");
              assertThat(busy.getStatus().getPendingRefreshRequest()).isEqualTo("later");
              assertThat(condition(busy, Conditions.READY).getReason())
                  .isEqualTo("RefreshDeferred");
            });
    assertThat(operator.jobs()).hasSize(1);
    assertThat(operator.events("busy"))
        .anyMatch(event -> "RefreshDeferred".equals(event.getReason()));

    jobs.finish(NAMESPACE, "busy-29000000", true, null);

    AnalyticsRefresh started = awaitHandledRequest("busy", "later");
    assertThat(started.getStatus().getPendingRefreshRequest()).isNull();
    assertThat(operator.jobs()).hasSize(2);
  }

  @Test
  void removingTheAnnotationOfADeferredRequestCancelsIt() {
    operator.createDatabaseSecret("cancel-db", validDatabaseSecret());
    client.resource(refresh("cancel", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("cancel");
    jobs.startScheduled(cronJob, "cancel-1");
    operator.annotate("cancel", Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "never-mind"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                "never-mind".equals(operator.get("cancel").getStatus().getPendingRefreshRequest()));

    operator.edit(
        "cancel",
        r -> r.getMetadata().getAnnotations().remove(AnalyticsRefresh.REFRESH_REQUESTED_AT));
    jobs.finish(NAMESPACE, "cancel-1", true, null);

    await()
        .atMost(WAIT)
        .until(() -> operator.get("cancel").getStatus().getPendingRefreshRequest() == null);
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> operator.jobs().size() == 1);
  }

  @Test
  void aSucceededRunIsRecordedFromItsTerminationMessage() {
    operator.createDatabaseSecret("ok-db", validDatabaseSecret());
    client.resource(refresh("ok", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("ok");
    jobs.startScheduled(cronJob, "ok-1");
    await()
        .ignoreExceptions()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.get("ok").getStatus().getLastRun().getResult())
                    .isEqualTo(RunResult.RUNNING));

    jobs.finish(
        NAMESPACE,
        "ok-1",
        true,
        "{\"result\":\"Succeeded\",\"exitCode\":0,\"mode\":\"Incremental\",\"days\":7,"
            + "\"rowsWritten\":371,"
            + "\"messages\":24209,\"durationSeconds\":1.25,\"dryRun\":false,"
            + "\"message\":\"7 days, 371 rows\"}");

    AnalyticsRefresh ok = awaitCondition("ok", Conditions.LAST_RUN_SUCCEEDED, "True");
    var run = ok.getStatus().getLastRun();
    assertThat(run.getJobName()).isEqualTo("ok-1");
    assertThat(run.getTrigger()).isEqualTo(RunTrigger.SCHEDULED);
    assertThat(run.getResult()).isEqualTo(RunResult.SUCCEEDED);
    assertThat(run.getMode()).isEqualTo("Incremental");
    assertThat(run.getDays()).isEqualTo(7);
    assertThat(run.getRowsWritten()).isEqualTo(371L);
    assertThat(run.getDurationSeconds()).isEqualTo(1.25);
    assertThat(run.getMessage()).isEqualTo("7 days, 371 rows");
    assertThat(ok.getStatus().getLastSuccessfulTime()).isNotNull();
    assertThat(ok.getStatus().getConsecutiveFailures()).isZero();
    assertThat(operator.events("ok"))
        .anyMatch(event -> "RefreshSucceeded".equals(event.getReason()));
  }

  @Test
  void aFailedRunWithoutTerminationMessageIsRecordedOnceAcrossRestarts() {
    operator.createDatabaseSecret("broken-db", validDatabaseSecret());
    client.resource(refresh("broken", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("broken");
    jobs.startScheduled(cronJob, "broken-1");

    jobs.finish(NAMESPACE, "broken-1", false, null);

    AnalyticsRefresh broken = awaitCondition("broken", Conditions.LAST_RUN_SUCCEEDED, "False");
    assertThat(broken.getStatus().getLastRun().getResult()).isEqualTo(RunResult.FAILED);
    assertThat(broken.getStatus().getLastRun().getMessage())
        .isEqualTo("BackoffLimitExceeded: Job has reached the specified backoff limit");
    assertThat(broken.getStatus().getLastFailureTime()).isNotNull();
    assertThat(broken.getStatus().getConsecutiveFailures()).isEqualTo(1);
    assertThat(broken.getStatus().getRecordedJobs()).containsExactly("broken-1");

    operator.restart();
    operator.edit("broken", r -> r.getMetadata().getAnnotations().put("poke", "1"));

    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(operator.get("broken").getStatus().getConsecutiveFailures())
                    .isEqualTo(1));
    assertThat(operator.events("broken"))
        .filteredOn(event -> "RefreshFailed".equals(event.getReason()))
        .hasSize(1);
  }

  @Test
  void aFailedRunWithTheJobsJsonIsRecordedWithItsMessageAndASkippedRunIsNoFailure() {
    operator.createDatabaseSecret("mixed-db", validDatabaseSecret());
    client.resource(refresh("mixed", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("mixed");
    jobs.startScheduled(cronJob, "mixed-1");
    jobs.finish(
        NAMESPACE,
        "mixed-1",
        false,
        "{\"result\":\"Failed\",\"exitCode\":1,\"message\":"
            + "\"cannot connect to the database at jdbc:mysql://db:3306/x as u:"
            + " Connection refused\"}");
    awaitCondition("mixed", Conditions.LAST_RUN_SUCCEEDED, "False");

    jobs.startScheduled(cronJob, "mixed-2");
    jobs.finish(
        NAMESPACE,
        "mixed-2",
        false,
        "{\"result\":\"Skipped\",\"exitCode\":3,\"message\":\"another refresh is running\"}");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              AnalyticsRefresh mixed = operator.get("mixed");
              assertThat(mixed.getStatus().getLastRun().getResult()).isEqualTo(RunResult.SKIPPED);
              assertThat(mixed.getStatus().getConsecutiveFailures()).isEqualTo(1);
            });
    assertThat(operator.events("mixed"))
        .anySatisfy(
            event ->
                assertThat(event.getMessage())
                    .contains("Connection refused", "kubectl logs job/mixed-1"));
  }

  @Test
  void deletingTheResourceLeavesOnlyObjectsOwnedByIt() {
    operator.createDatabaseSecret("gone-db", validDatabaseSecret());
    client.resource(refresh("gone", "0 3 * * *")).create();
    CronJob cronJob = awaitCronJob("gone");
    operator.annotate("gone", Map.of(AnalyticsRefresh.REFRESH_REQUESTED_AT, "x"));
    awaitHandledRequest("gone", "x");
    String uid = operator.get("gone").getMetadata().getUid();

    client.resources(AnalyticsRefresh.class).inNamespace(NAMESPACE).withName("gone").delete();

    // The mock server has no garbage collector: what matters is that every object the
    // operator made is owned, by controller reference, by the resource or its CronJob.
    await().atMost(WAIT).until(() -> operator.get("gone") == null);
    assertThat(cronJob.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(uid));
    assertThat(operator.jobs())
        .allSatisfy(
            job ->
                assertThat(job.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(
                        owner ->
                            assertThat(owner.getUid()).isEqualTo(cronJob.getMetadata().getUid())));
  }

  private CronJob awaitCronJob(String name) {
    return await().atMost(WAIT).until(() -> operator.cronJob(name), cronJob -> cronJob != null);
  }

  private AnalyticsRefresh awaitCondition(String name, String type, String value) {
    return await()
        .atMost(WAIT)
        .until(
            () -> operator.get(name),
            refresh ->
                refresh.getStatus() != null
                    && Conditions.get(refresh.getStatus(), type)
                        .map(c -> value.equals(c.getStatus()))
                        .orElse(false));
  }

  private AnalyticsRefresh awaitHandledRequest(String name, String token) {
    return await()
        .atMost(WAIT)
        .until(
            () -> operator.get(name),
            refresh ->
                refresh.getStatus() != null
                    && token.equals(refresh.getStatus().getLastHandledRefreshRequest()));
  }

  private static Condition condition(AnalyticsRefresh refresh, String type) {
    return Conditions.get(refresh.getStatus(), type).orElseThrow();
  }

  private static Map<String, String> withoutPassword() {
    Map<String, String> secret = new HashMap<>(validDatabaseSecret());
    secret.remove("password");
    return secret;
  }
}
