package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.metrics.RefreshMetrics;
import io.dailycup.analytics.operator.model.AlertsSpec;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.model.RunResult;
import io.dailycup.analytics.operator.model.RunStatus;
import io.dailycup.analytics.operator.schedule.LongestIntervals;
import io.dailycup.analytics.operator.schedule.Schedule;
import io.dailycup.analytics.operator.validate.Problem;
import io.dailycup.analytics.operator.validate.SpecValidator;
import io.dailycup.analytics.operator.validate.StalledReason;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
public class AnalyticsRefreshReconciler
    implements Reconciler<AnalyticsRefresh>, Cleaner<AnalyticsRefresh> {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRefreshReconciler.class);

  /** A missing Secret may appear at any time; Secrets are not watched, so look again. */
  static final Duration SECRET_RECHECK = Duration.ofMinutes(1);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final CronJobDependent cronJobs;
  private final SpecValidator validator;
  private final RunTracker runs;
  private final ManualRefresh manualRefresh;
  private final EventRecorder events;
  private final RefreshMetrics metrics;
  private final Notifications notifications;
  private final Duration staleReminder;
  private final Clock clock;

  private final LongestIntervals longestIntervals = new LongestIntervals();

  /** The status each resource was last given by this process, by UID, as JSON. */
  private final Map<String, String> statusWritten = new ConcurrentHashMap<>();

  public AnalyticsRefreshReconciler(
      CronJobDependent cronJobs,
      SpecValidator validator,
      RunTracker runs,
      ManualRefresh manualRefresh,
      EventRecorder events,
      RefreshMetrics metrics,
      Notifications notifications,
      Duration staleReminder,
      Clock clock) {
    this.cronJobs = cronJobs;
    this.validator = validator;
    this.runs = runs;
    this.manualRefresh = manualRefresh;
    this.events = events;
    this.metrics = metrics;
    this.notifications = notifications;
    this.staleReminder = staleReminder;
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
    AnalyticsRefreshStatus status = latestStatus(refresh);
    refresh.setStatus(status);

    Optional<Problem> problem = validator.validate(refresh);
    // While stalled, staleness is not judged: this gauge is what a rule can alert on instead.
    metrics.stalled(key(refresh), problem.isPresent());
    Optional<Duration> recheck;
    try {
      recheck =
          problem.isPresent()
              ? stalled(refresh, status, problem.get(), context, now)
              : active(refresh, status, context, now);
      status.setObservedGeneration(refresh.getMetadata().getGeneration());
    } finally {
      // Kept even when a later step throws: a Job recorded and alerted on before the failure
      // must not be alerted on again by the retry, which starts from this status and patches
      // it.
      statusWritten.put(refresh.getMetadata().getUid(), SERIALIZATION.asJson(status));
    }

    UpdateControl<AnalyticsRefresh> control =
        before.equals(SERIALIZATION.asJson(status))
            ? UpdateControl.noUpdate()
            : UpdateControl.patchStatus(statusPatch(refresh, context));
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  /**
   * What the status patch sends. With server-side apply, only the identity and the status: an
   * applied object carrying a cached resourceVersion would be refused (409) whenever the cache lags
   * behind, which is exactly when the status this process remembers matters.
   */
  private static AnalyticsRefresh statusPatch(
      AnalyticsRefresh refresh, Context<AnalyticsRefresh> context) {
    boolean serverSideApply =
        context
            .getControllerConfiguration()
            .getConfigurationService()
            .useSSAToPatchPrimaryResource();
    if (!serverSideApply) {
      return refresh;
    }
    AnalyticsRefresh patch = new AnalyticsRefresh();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(refresh.getMetadata().getName())
            .withNamespace(refresh.getMetadata().getNamespace())
            .build());
    patch.setStatus(refresh.getStatus());
    return patch;
  }

  /**
   * The status to start from: the one this process last wrote, if any, else the cluster's. The
   * operator is the status's only writer (one leader at a time), but a reconcile may start from a
   * cached copy older than its own last patch; starting from that copy would record a finished Job,
   * or open a stale episode, a second time.
   */
  private AnalyticsRefreshStatus latestStatus(AnalyticsRefresh refresh) {
    String written = statusWritten.get(refresh.getMetadata().getUid());
    if (written != null) {
      return SERIALIZATION.unmarshal(written, AnalyticsRefreshStatus.class);
    }
    return Optional.ofNullable(refresh.getStatus()).orElseGet(AnalyticsRefreshStatus::new);
  }

  /** The spec cannot be acted on: say why, once, and leave the CronJob as it is. */
  private Optional<Duration> stalled(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      Problem problem,
      Context<AnalyticsRefresh> context,
      Instant now) {
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
    Optional<Duration> auditRetry =
        problem.reason() == StalledReason.InvalidSpec
            ? Optional.empty()
            : trackWhileStalled(refresh, status, problem.reason(), context, now);
    return problem.reason().dependsOnOtherObjects() ? Optional.of(SECRET_RECHECK) : auditRetry;
  }

  /**
   * The CronJob made before the spec broke keeps running: its runs are still recorded, alerted on
   * through whatever channel still works, audited and counted. (Only a spec whose fields are
   * unusable, InvalidSpec, stops this.) When only a Secret is missing, the spec's fields are valid,
   * so staleness is judged too: a deleted database Secret leaves the Jobs' pods unable to start, so
   * a run fails only at its deadline and without saying why.
   */
  private Optional<Duration> trackWhileStalled(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      StalledReason reason,
      Context<AnalyticsRefresh> context,
      Instant now) {
    List<FinishedRun> finished =
        runs.track(refresh, status, context.getSecondaryResources(Job.class), now);
    notifications.runsFinished(refresh, status, finished, now);
    finished.forEach(
        run ->
            metrics.runFinished(
                key(refresh), Names.display(run.outcome().result()), Names.display(run.trigger())));
    if (reason.dependsOnOtherObjects()) {
      Staleness staleness = judgeStaleness(refresh, status, schedule(refresh), now);
      metrics.stale(key(refresh), staleness.stale());
    }
    return notifications.flushAudit(refresh, status);
  }

  /** Judges staleness, keeps the Stale condition and its episode, and alerts as it is due. */
  private Staleness judgeStaleness(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Schedule schedule, Instant now) {
    noteResumption(refresh, status, now);
    Staleness staleness = Staleness.judge(refresh, longestIntervals.of(schedule, now), now);
    staleEpisode(refresh, status, staleness, now);
    notifications.stale(refresh, status, staleness, now);
    return staleness;
  }

  private static Schedule schedule(AnalyticsRefresh refresh) {
    return Schedule.parse(
        refresh.getSpec().getSchedule(), ZoneId.of(refresh.getSpec().getTimeZone()));
  }

  private Optional<Duration> active(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      Context<AnalyticsRefresh> context,
      Instant now) {
    Long generation = refresh.getMetadata().getGeneration();
    CronJob cronJob = cronJobs.reconcile(refresh, context).getSingleResource().orElseThrow();
    Set<Job> jobs = context.getSecondaryResources(Job.class);

    List<FinishedRun> finished = runs.track(refresh, status, jobs, now);
    notifications.runsFinished(refresh, status, finished, now);
    ManualRefresh.Outcome request = manualRefresh.handle(refresh, status, cronJob, jobs);
    if (request == ManualRefresh.Outcome.STARTED) {
      String token = status.getLastHandledRefreshRequest();
      notifications.refreshTriggered(
          refresh,
          status,
          token,
          ManualJobFactory.jobName(cronJob.getMetadata().getName(), token),
          now);
    }
    Schedule schedule = schedule(refresh);
    scheduleTimes(refresh, status, cronJob, schedule, now);
    Staleness staleness = judgeStaleness(refresh, status, schedule, now);
    notifications.testAlert(refresh, status, now);
    Optional<Duration> auditRetry = notifications.flushAudit(refresh, status);
    publishMetrics(refresh, status, finished, staleness);
    metrics.expectedInterval(key(refresh), longestIntervals.of(schedule, now));

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
    Optional<Duration> next = nextCheck(status, staleness, now);
    return auditRetry
        .filter(retry -> next.isEmpty() || retry.compareTo(next.get()) < 0)
        .or(() -> next);
  }

  /**
   * The next moment worth a look without any event: just after the next scheduled run, when the
   * refresh would turn stale, or when a stale reminder is due.
   */
  private Optional<Duration> nextCheck(
      AnalyticsRefreshStatus status, Staleness staleness, Instant now) {
    List<Instant> moments = new ArrayList<>();
    Optional.ofNullable(Times.parse(status.getNextScheduleTime()))
        .ifPresent(next -> moments.add(next.plusSeconds(5)));
    staleness.deadline().ifPresent(moments::add);
    Optional.ofNullable(Times.parse(status.getLastStaleAlertTime()))
        .filter(alerted -> staleness.stale())
        .ifPresent(alerted -> moments.add(alerted.plus(staleReminder)));
    return moments.stream()
        .filter(now::isBefore)
        .min(Instant::compareTo)
        .map(next -> Duration.between(now, next));
  }

  /** Records the moment a suspended refresh runs again, from which staleness then counts. */
  private static void noteResumption(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Instant now) {
    boolean wasSuspended =
        Conditions.get(status, Conditions.STALE)
            .map(c -> "Suspended".equals(c.getReason()))
            .orElse(false);
    if (wasSuspended && !Boolean.TRUE.equals(refresh.getSpec().getSuspend())) {
      status.setResumedTime(Times.format(now));
    }
  }

  /**
   * Keeps the {@code Stale} condition and the episode's start: an episode begins when the last
   * success grows older than staleAfter and ends with the next success.
   */
  private void staleEpisode(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Staleness staleness, Instant now) {
    Long generation = refresh.getMetadata().getGeneration();
    String lastSuccess = Optional.ofNullable(status.getLastSuccessfulTime()).orElse("never");
    if (!staleness.stale()) {
      status.setStaleSince(null);
      status.setLastStaleAlertTime(null);
      boolean suspended = Boolean.TRUE.equals(refresh.getSpec().getSuspend());
      String message =
          suspended
              ? "suspended: no run is expected"
              : "the last success (%s) is within %s".formatted(lastSuccess, staleness.staleAfter());
      Conditions.set(
          status,
          Conditions.STALE,
          "False",
          suspended ? "Suspended" : "RecentSuccess",
          message,
          generation,
          now);
      return;
    }
    String message = staleness.describe(status);
    if (status.getStaleSince() == null) {
      status.setStaleSince(Times.format(now));
      events.warning(refresh, "Stale", message);
      LOG.info("stale: {}", message);
    }
    Conditions.set(status, Conditions.STALE, "True", "NoRecentSuccess", message, generation, now);
  }

  private void publishMetrics(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      List<FinishedRun> finished,
      Staleness staleness) {
    RefreshMetrics.ResourceKey key = key(refresh);
    for (FinishedRun run : finished) {
      metrics.runFinished(key, Names.display(run.outcome().result()), Names.display(run.trigger()));
    }
    // From status rather than from this reconcile's runs, so a restarted operator shows the
    // last run at once.
    RunStatus last = status.getLastRun();
    if (last != null && last.getResult() != RunResult.RUNNING) {
      metrics.lastRun(key, last.getDurationSeconds(), last.getRowsWritten());
    }
    Optional.ofNullable(Times.parse(status.getLastSuccessfulTime()))
        .ifPresent(at -> metrics.lastSuccess(key, at));
    Optional.ofNullable(Times.parse(status.getLastFailureTime()))
        .ifPresent(at -> metrics.lastFailure(key, at));
    metrics.stale(key, staleness.stale());
    metrics.alertChannels(key, alertChannels(refresh));
  }

  /** The channel names the resource's alerts go to, as the alert counters tag them. */
  private static List<String> alertChannels(AnalyticsRefresh refresh) {
    AlertsSpec alerts = refresh.getSpec().getAlerts();
    List<String> channels = new ArrayList<>();
    if (alerts != null && alerts.getSlack() != null) {
      channels.add("slack");
    }
    if (alerts != null && alerts.getEmail() != null) {
      channels.add("email");
    }
    return channels;
  }

  /**
   * Writes the audit rows still queued in status, once, since the status goes with the resource;
   * then removes what the cluster's garbage collector cannot: the resource's metric series and its
   * audit pool. A database that is still unreachable does not hold the deletion up.
   */
  @Override
  public DeleteControl cleanup(AnalyticsRefresh refresh, Context<AnalyticsRefresh> context) {
    try {
      notifications.flushAuditBeforeDeletion(refresh, latestStatus(refresh));
    } finally {
      metrics.forget(key(refresh));
      statusWritten.remove(refresh.getMetadata().getUid());
      notifications.forget(refresh);
    }
    LOG.info("deleted; its CronJob and Jobs go with it by owner reference");
    return DeleteControl.defaultDelete();
  }

  private static RefreshMetrics.ResourceKey key(AnalyticsRefresh refresh) {
    return new RefreshMetrics.ResourceKey(
        refresh.getMetadata().getNamespace(), refresh.getMetadata().getName());
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
