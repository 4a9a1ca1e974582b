package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.schedule.Schedule;
import io.dailycup.analytics.operator.validate.Problem;
import io.dailycup.analytics.operator.validate.SpecValidator;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles an AnalyticsRefresh: validate the spec, apply the CronJob, record finished runs, act
 * on a manual refresh request, and patch the status. Annotation-only changes reconcile too (the
 * request tokens are annotations), so events are not filtered by generation.
 */
@ControllerConfiguration(
    name = "analyticsrefresh",
    generationAwareEventProcessing = false,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class AnalyticsRefreshReconciler implements Reconciler<AnalyticsRefresh> {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRefreshReconciler.class);

  /** A missing Secret may appear at any time; Secrets are not watched, so look again. */
  static final Duration SECRET_RECHECK = Duration.ofMinutes(1);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final CronJobDependent cronJobs;
  private final SpecValidator validator;
  private final RunTracker runs;
  private final ManualRefresh manualRefresh;
  private final EventRecorder events;
  private final Clock clock;

  public AnalyticsRefreshReconciler(
      CronJobDependent cronJobs,
      SpecValidator validator,
      RunTracker runs,
      ManualRefresh manualRefresh,
      EventRecorder events,
      Clock clock) {
    this.cronJobs = cronJobs;
    this.validator = validator;
    this.runs = runs;
    this.manualRefresh = manualRefresh;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, AnalyticsRefresh>> prepareEventSources(
      EventSourceContext<AnalyticsRefresh> context) {
    List<EventSource<?, AnalyticsRefresh>> sources =
        new ArrayList<>(EventSourceUtils.dependentEventSources(context, cronJobs));
    sources.add(new InformerEventSource<>(jobsConfiguration(), context));
    return sources;
  }

  /**
   * Jobs belong to the CronJob, not to the resource: they are found by the label the job template
   * carries, which also keeps other Jobs out of the operator's cache.
   */
  private static InformerEventSourceConfiguration<Job> jobsConfiguration() {
    return InformerEventSourceConfiguration.from(Job.class, AnalyticsRefresh.class)
        .withName("jobs")
        .withLabelSelector(Labels.REFRESH)
        .withSecondaryToPrimaryMapper(
            job ->
                Set.of(
                    new ResourceID(
                        job.getMetadata().getLabels().get(Labels.REFRESH),
                        job.getMetadata().getNamespace())))
        .withNamespacesInheritedFromController()
        .build();
  }

  @Override
  public UpdateControl<AnalyticsRefresh> reconcile(
      AnalyticsRefresh refresh, Context<AnalyticsRefresh> context) {
    Instant now = clock.instant();
    String before = SERIALIZATION.asJson(refresh.getStatus());
    AnalyticsRefreshStatus status =
        Optional.ofNullable(refresh.getStatus()).orElseGet(AnalyticsRefreshStatus::new);
    refresh.setStatus(status);

    Optional<Problem> problem = validator.validate(refresh);
    Optional<Duration> recheck;
    if (problem.isPresent()) {
      recheck = stalled(refresh, status, problem.get(), now);
    } else {
      recheck = active(refresh, status, context, now);
    }
    status.setObservedGeneration(refresh.getMetadata().getGeneration());

    UpdateControl<AnalyticsRefresh> control =
        before.equals(SERIALIZATION.asJson(status))
            ? UpdateControl.noUpdate()
            : UpdateControl.patchStatus(refresh);
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  /** The spec cannot be acted on: say why, once, and leave the CronJob as it is. */
  private Optional<Duration> stalled(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Problem problem, Instant now) {
    Long generation = refresh.getMetadata().getGeneration();
    boolean news =
        Conditions.get(status, Conditions.STALLED)
            .map(
                c ->
                    !"True".equals(c.getStatus())
                        || !Objects.equals(problem.message(), c.getMessage()))
            .orElse(true);
    Conditions.set(
        status,
        Conditions.STALLED,
        "True",
        problem.reason().name(),
        problem.message(),
        generation,
        now);
    Conditions.set(
        status,
        Conditions.READY,
        "False",
        problem.reason().name(),
        problem.message(),
        generation,
        now);
    if (news) {
      events.warning(refresh, problem.reason().name(), problem.message());
      LOG.info("stalled: {}", problem.message());
    }
    return problem.reason().dependsOnOtherObjects()
        ? Optional.of(SECRET_RECHECK)
        : Optional.empty();
  }

  private Optional<Duration> active(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      Context<AnalyticsRefresh> context,
      Instant now) {
    Long generation = refresh.getMetadata().getGeneration();
    CronJob cronJob = cronJobs.reconcile(refresh, context).getSingleResource().orElseThrow();
    Set<Job> jobs = context.getSecondaryResources(Job.class);

    runs.track(refresh, status, jobs, now);
    ManualRefresh.Outcome request = manualRefresh.handle(refresh, status, cronJob, jobs);
    Schedule schedule =
        Schedule.parse(refresh.getSpec().getSchedule(), ZoneId.of(refresh.getSpec().getTimeZone()));
    scheduleTimes(refresh, status, cronJob, schedule, now);

    Conditions.set(
        status, Conditions.STALLED, "False", "Valid", "the spec is valid", generation, now);
    if (Conditions.get(status, Conditions.LAST_RUN_SUCCEEDED).isEmpty()) {
      Conditions.set(
          status,
          Conditions.LAST_RUN_SUCCEEDED,
          "Unknown",
          "NoRunYet",
          "no run has finished yet",
          generation,
          now);
    }
    ready(status, cronJob, request, generation, now);
    return Optional.ofNullable(Times.parse(status.getNextScheduleTime()))
        .map(next -> Duration.between(now, next).plusSeconds(5))
        .filter(wait -> !wait.isNegative());
  }

  private static void scheduleTimes(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      CronJob cronJob,
      Schedule schedule,
      Instant now) {
    status.setCronJobName(cronJob.getMetadata().getName());
    if (cronJob.getStatus() != null && cronJob.getStatus().getLastScheduleTime() != null) {
      status.setLastScheduleTime(cronJob.getStatus().getLastScheduleTime());
    }
    boolean suspended = Boolean.TRUE.equals(refresh.getSpec().getSuspend());
    status.setNextScheduleTime(
        suspended ? null : schedule.nextAfter(now).map(Times::format).orElse(null));
  }

  private static void ready(
      AnalyticsRefreshStatus status,
      CronJob cronJob,
      ManualRefresh.Outcome request,
      Long generation,
      Instant now) {
    if (request == ManualRefresh.Outcome.DEFERRED) {
      Conditions.set(
          status,
          Conditions.READY,
          "True",
          "RefreshDeferred",
          "refresh request %s waits for the active run to finish"
              .formatted(status.getPendingRefreshRequest()),
          generation,
          now);
      return;
    }
    Conditions.set(
        status,
        Conditions.READY,
        "True",
        "CronJobReady",
        "CronJob %s runs the refresh".formatted(cronJob.getMetadata().getName()),
        generation,
        now);
  }
}
