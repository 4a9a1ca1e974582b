package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the {@code refresh-requested-at} annotation: each new token starts exactly one Job, named
 * after the token, so that a retry after a crash finds the Job it already created. A request made
 * while a run is active waits for that run to end.
 */
public class ManualRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(ManualRefresh.class);

  private final KubernetesClient client;
  private final EventRecorder events;

  public ManualRefresh(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** What happened to the request, for the Ready condition. */
  public enum Outcome {
    NONE,
    STARTED,
    DEFERRED,
    REJECTED
  }

  public Outcome handle(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      CronJob cronJob,
      Collection<Job> jobs) {
    String token = Names.annotation(refresh, AnalyticsRefresh.REFRESH_REQUESTED_AT);
    if (token == null || token.equals(status.getLastHandledRefreshRequest())) {
      status.setPendingRefreshRequest(null);
      return Outcome.NONE;
    }
    String jobName = ManualJobFactory.jobName(cronJob.getMetadata().getName(), token);
    boolean alreadyCreated =
        jobs.stream().anyMatch(job -> jobName.equals(job.getMetadata().getName()));
    if (alreadyCreated) {
      return handled(status, token);
    }
    Optional<Job> active = RunTracker.latestActive(jobs);
    if (active.isPresent()) {
      return defer(refresh, status, token, active.get());
    }
    Optional<List<String>> arguments = arguments(refresh, cronJob);
    if (arguments.isEmpty()) {
      events.warning(
          refresh,
          "InvalidRefreshRequest",
          "annotation %s must be a number of days from 1 to 3650 or 'full'; request %s ignored"
              .formatted(AnalyticsRefresh.REFRESH_DAYS, token));
      handled(status, token);
      return Outcome.REJECTED;
    }
    create(
        ManualJobFactory.create(cronJob, refresh.getMetadata().getName(), token, arguments.get()));
    events.normal(
        refresh,
        "RefreshTriggered",
        "started Job %s for request %s (%s)"
            .formatted(jobName, token, String.join(" ", arguments.get())));
    LOG.info("manual refresh {} started as Job {}", token, jobName);
    handled(status, token);
    return Outcome.STARTED;
  }

  private Outcome defer(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, String token, Job active) {
    if (!token.equals(status.getPendingRefreshRequest())) {
      status.setPendingRefreshRequest(token);
      events.normal(
          refresh,
          "RefreshDeferred",
          "request %s waits for Job %s to finish".formatted(token, active.getMetadata().getName()));
    }
    return Outcome.DEFERRED;
  }

  /** Creates the Job; one that exists already was created for this token: it is adopted. */
  private void create(Job job) {
    try {
      client
          .batch()
          .v1()
          .jobs()
          .inNamespace(job.getMetadata().getNamespace())
          .resource(job)
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      LOG.info("Job {} exists already; adopting it", job.getMetadata().getName());
    }
  }

  /** The job's arguments: the CronJob's, or the request's {@code refresh-days} override. */
  private static Optional<List<String>> arguments(AnalyticsRefresh refresh, CronJob cronJob) {
    String days = Names.annotation(refresh, AnalyticsRefresh.REFRESH_DAYS);
    if (days == null || days.isBlank()) {
      return Optional.of(CronJobFactory.jobContainer(cronJob).getArgs());
    }
    if (days.strip().equalsIgnoreCase("full")) {
      return Optional.of(List.of("refresh", "--full"));
    }
    try {
      int count = Integer.parseInt(days.strip());
      return count >= 1 && count <= 3650
          ? Optional.of(List.of("refresh", "--days", String.valueOf(count)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Outcome handled(AnalyticsRefreshStatus status, String token) {
    status.setLastHandledRefreshRequest(token);
    status.setPendingRefreshRequest(null);
    return Outcome.STARTED;
  }
}
