package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.alert.Redaction;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.dailycup.analytics.operator.model.RunResult;
import io.dailycup.analytics.operator.model.RunStatus;
import io.dailycup.analytics.operator.model.RunTrigger;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the resource's Jobs into status: each finished Job is recorded once (its name kept in
 * {@code status.recordedJobs}, written in the same patch as its outcome, so a restart neither loses
 * nor repeats it), and a running Job shows as the latest run.
 */
public class RunTracker {

  private static final Logger LOG = LoggerFactory.getLogger(RunTracker.class);

  /**
   * Names kept: far more than the Jobs the CronJob keeps (history limits of at most 100 each are
   * the schema's bound), so a Job still present is never forgotten and recorded again.
   */
  static final int RECORDED_JOBS_KEPT = 250;

  private final TerminationMessages messages;
  private final SecretValues secrets;
  private final EventRecorder events;

  public RunTracker(TerminationMessages messages, SecretValues secrets, EventRecorder events) {
    this.messages = messages;
    this.secrets = secrets;
    this.events = events;
  }

  /** Records the Jobs that finished since the last call, oldest first. */
  public List<FinishedRun> track(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Collection<Job> jobs, Instant now) {
    List<Job> newlyFinished =
        jobs.stream()
            .filter(JobOutcome::isFinished)
            .filter(job -> !status.getRecordedJobs().contains(job.getMetadata().getName()))
            .sorted(Comparator.comparing(JobOutcome::finishedAt))
            .toList();
    List<FinishedRun> outcomes =
        newlyFinished.stream().map(job -> record(refresh, status, job, now)).toList();
    latestActive(jobs).ifPresent(job -> status.setLastRun(running(job)));
    return outcomes;
  }

  /** The newest Job still running, if any. */
  static Optional<Job> latestActive(Collection<Job> jobs) {
    return jobs.stream()
        .filter(job -> !JobOutcome.isFinished(job))
        .max(
            Comparator.comparing(
                job -> job.getMetadata().getCreationTimestamp(),
                Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  private FinishedRun record(
      AnalyticsRefresh refresh, AnalyticsRefreshStatus status, Job job, Instant now) {
    JobOutcome outcome = JobOutcome.of(job, messages.of(job)).redacted(redaction(refresh));
    boolean recovery =
        outcome.result() == RunResult.SUCCEEDED
            && (Optional.ofNullable(status.getConsecutiveFailures()).orElse(0) > 0
                || status.getStaleSince() != null);
    status.setLastRun(finished(job, outcome));
    switch (outcome.result()) {
      case SUCCEEDED -> succeeded(refresh, status, job, outcome, now);
      case FAILED -> failed(refresh, status, job, outcome, now);
      default -> skipped(refresh, job, outcome);
    }
    remember(status, job.getMetadata().getName());
    return new FinishedRun(job.getMetadata().getName(), trigger(job), outcome, recovery);
  }

  private void succeeded(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      Job job,
      JobOutcome outcome,
      Instant now) {
    status.setLastSuccessfulTime(Times.format(outcome.finishedAt()));
    status.setConsecutiveFailures(0);
    Conditions.set(
        status,
        Conditions.LAST_RUN_SUCCEEDED,
        "True",
        "Succeeded",
        outcome.message(),
        refresh.getMetadata().getGeneration(),
        now);
    events.normal(
        refresh,
        "RefreshSucceeded",
        "Job %s: %s".formatted(job.getMetadata().getName(), outcome.message()));
    LOG.info("refresh run {} succeeded: {}", job.getMetadata().getName(), outcome.message());
  }

  private void failed(
      AnalyticsRefresh refresh,
      AnalyticsRefreshStatus status,
      Job job,
      JobOutcome outcome,
      Instant now) {
    status.setLastFailureTime(Times.format(outcome.finishedAt()));
    status.setConsecutiveFailures(
        Optional.ofNullable(status.getConsecutiveFailures()).orElse(0) + 1);
    Conditions.set(
        status,
        Conditions.LAST_RUN_SUCCEEDED,
        "False",
        "Failed",
        outcome.message(),
        refresh.getMetadata().getGeneration(),
        now);
    events.warning(
        refresh,
        "RefreshFailed",
        "Job %s failed: %s (kubectl logs job/%s)"
            .formatted(
                job.getMetadata().getName(), outcome.message(), job.getMetadata().getName()));
    LOG.info("refresh run {} failed: {}", job.getMetadata().getName(), outcome.message());
  }

  private void skipped(AnalyticsRefresh refresh, Job job, JobOutcome outcome) {
    events.normal(
        refresh,
        "RefreshSkipped",
        "Job %s: %s".formatted(job.getMetadata().getName(), outcome.message()));
    LOG.info("refresh run {} skipped: {}", job.getMetadata().getName(), outcome.message());
  }

  /**
   * Masks the database password and anything that looks like a credential in a run's message: the
   * message goes to status, an Event, the log, alerts and the audit row, and a log tail
   * (FallbackToLogsOnError) or a custom image may print what the refresh job never does.
   */
  private Redaction redaction(AnalyticsRefresh refresh) {
    String namespace = refresh.getMetadata().getNamespace();
    String secret = refresh.getSpec().getDatabase().getSecretRef().getName();
    try {
      // Only the password: the URL and user name are what a person needs to read in the message.
      return new Redaction(
          secrets
              .read(namespace, secret)
              .map(data -> Collections.singletonList(data.get("password")))
              .orElse(List.of()));
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot read Secret {}/{} to mask its values in a run's message ({}); masking what"
              + " looks like a credential only",
          namespace,
          secret,
          e.getCode());
      return new Redaction(List.of());
    }
  }

  private static void remember(AnalyticsRefreshStatus status, String jobName) {
    List<String> recorded = status.getRecordedJobs();
    recorded.add(jobName);
    if (recorded.size() > RECORDED_JOBS_KEPT) {
      recorded.subList(0, recorded.size() - RECORDED_JOBS_KEPT).clear();
    }
  }

  private static RunStatus finished(Job job, JobOutcome outcome) {
    RunStatus run = started(job);
    run.setResult(outcome.result());
    run.setCompletionTime(Times.format(outcome.finishedAt()));
    run.setMode(outcome.mode());
    run.setDays(outcome.days());
    run.setRowsWritten(outcome.rowsWritten());
    run.setDurationSeconds(outcome.durationSeconds());
    run.setMessage(outcome.message());
    return run;
  }

  private static RunStatus running(Job job) {
    RunStatus run = started(job);
    run.setResult(RunResult.RUNNING);
    return run;
  }

  private static RunTrigger trigger(Job job) {
    return "Manual".equals(job.getMetadata().getLabels().get(Labels.TRIGGER))
        ? RunTrigger.MANUAL
        : RunTrigger.SCHEDULED;
  }

  private static RunStatus started(Job job) {
    RunStatus run = new RunStatus();
    run.setJobName(job.getMetadata().getName());
    run.setTrigger(trigger(job));
    run.setStartTime(job.getStatus() == null ? null : job.getStatus().getStartTime());
    return run;
  }
}
