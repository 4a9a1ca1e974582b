package io.dailycup.analytics.operator.reconcile;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the termination message of a Job's refresh container from its Pods. Asked once per finished
 * Job, so no Pod informer (and no Pod watch permission) is needed.
 */
public class TerminationMessages {

  private final KubernetesClient client;

  public TerminationMessages(KubernetesClient client) {
    this.client = client;
  }

  /** The newest Pod's message; empty when the Pods are gone or wrote none. */
  public Optional<String> of(Job job) {
    return pods(job).stream()
        .sorted(
            Comparator.comparing(
                    (Pod pod) -> pod.getMetadata().getCreationTimestamp(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed())
        .map(TerminationMessages::message)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private List<Pod> pods(Job job) {
    String namespace = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    List<Pod> pods =
        client.pods().inNamespace(namespace).withLabel(Labels.JOB_NAME, name).list().getItems();
    return pods.isEmpty()
        ? client
            .pods()
            .inNamespace(namespace)
            .withLabel(Labels.LEGACY_JOB_NAME, name)
            .list()
            .getItems()
        : pods;
  }

  private static Optional<String> message(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(status -> CronJobFactory.CONTAINER.equals(status.getName()))
        .map(ContainerStatus::getState)
        .filter(Objects::nonNull)
        .map(state -> state.getTerminated())
        .filter(Objects::nonNull)
        .map(terminated -> terminated.getMessage())
        .filter(message -> message != null && !message.isBlank())
        .findFirst();
  }
}
