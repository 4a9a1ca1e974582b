package io.dailycup.analytics.operator.reconcile;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * Plays the CronJob and Job controllers and the kubelet on the mock server, which has none: starts
 * a Job from a CronJob's template and finishes it with a Pod's termination message.
 */
final class JobSimulator {

  private final KubernetesClient client;
  private final Clock clock;

  /** {@code clock}: the operator's, so that run times and its idea of now agree. */
  JobSimulator(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A Job as the CronJob controller creates it at a scheduled time. */
  Job startScheduled(CronJob cronJob, String name) {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(cronJob.getMetadata().getNamespace())
            .withLabels(cronJob.getSpec().getJobTemplate().getMetadata().getLabels())
            .addNewOwnerReference()
            .withApiVersion("batch/v1")
            .withKind("CronJob")
            .withName(cronJob.getMetadata().getName())
            .withUid(cronJob.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
            .withNewStatus()
            .withStartTime(clock.instant().toString())
            .withActive(1)
            .endStatus()
            .build();
    return client.resource(job).create();
  }

  /** Finishes a Job; {@code message} is its container's termination message, or null. */
  void finish(String namespace, String jobName, boolean succeeded, String message) {
    if (message != null) {
      terminatedPod(namespace, jobName, succeeded ? 0 : 1, message);
    }
    Job job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
    String now = clock.instant().toString();
    job.getStatus().setActive(0);
    job.getStatus().setCompletionTime(succeeded ? now : null);
    job.getStatus()
        .setConditions(
            java.util.List.of(
                new JobConditionBuilder()
                    .withType(succeeded ? "Complete" : "Failed")
                    .withStatus("True")
                    .withReason(succeeded ? null : "BackoffLimitExceeded")
                    .withMessage(succeeded ? null : "Job has reached the specified backoff limit")
                    .withLastTransitionTime(now)
                    .build()));
    client.resource(job).updateStatus();
  }

  private void terminatedPod(String namespace, String jobName, int exitCode, String message) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(jobName + "-pod")
            .withNamespace(namespace)
            .addToLabels(Labels.JOB_NAME, jobName)
            .addToLabels(Labels.LEGACY_JOB_NAME, jobName)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(CronJobFactory.CONTAINER)
            .withImage("job")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName(CronJobFactory.CONTAINER)
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withMessage(message)
                    .endTerminated()
                    .endState()
                    .build())
            .endStatus()
            .build();
    client.resource(pod).create();
  }
}
