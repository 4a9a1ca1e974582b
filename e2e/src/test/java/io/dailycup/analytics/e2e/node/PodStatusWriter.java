package io.dailycup.analytics.e2e.node;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Writes a Pod's status the way a kubelet reports its one container's life. */
final class PodStatusWriter {

  private final KubernetesClient client;

  PodStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  void waiting(Pod pod, String reason, String message) {
    ContainerStatus container =
        base(pod)
            .withReady(false)
            .withState(
                new ContainerStateBuilder()
                    .withNewWaiting()
                    .withReason(reason)
                    .withMessage(message)
                    .endWaiting()
                    .build())
            .build();
    write(pod, current -> withStatus(current, "Pending", false, container, null));
  }

  void running(Pod pod, Instant started) {
    ContainerStatus container =
        base(pod)
            .withReady(true)
            .withStarted(true)
            .withState(
                new ContainerStateBuilder()
                    .withNewRunning()
                    .withStartedAt(started.toString())
                    .endRunning()
                    .build())
            .build();
    write(pod, current -> withStatus(current, "Running", true, container, started));
  }

  void terminated(Pod pod, Instant started, int exitCode, String message) {
    ContainerStatus container =
        base(pod)
            .withReady(false)
            .withStarted(false)
            .withState(
                new ContainerStateBuilder()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withReason(exitCode == 0 ? "Completed" : "Error")
                    .withMessage(message.isEmpty() ? null : message)
                    .withStartedAt(started.toString())
                    .withFinishedAt(Instant.now().toString())
                    .withContainerID(containerId(pod))
                    .endTerminated()
                    .build())
            .build();
    String phase = exitCode == 0 ? "Succeeded" : "Failed";
    write(pod, current -> withStatus(current, phase, false, container, started));
  }

  private static ContainerStatusBuilder base(Pod pod) {
    String image = pod.getSpec().getContainers().get(0).getImage();
    return new ContainerStatusBuilder()
        .withName(pod.getSpec().getContainers().get(0).getName())
        .withImage(image)
        .withImageID(image)
        .withContainerID(containerId(pod))
        .withRestartCount(0);
  }

  private static String containerId(Pod pod) {
    return "local-process://" + pod.getMetadata().getUid();
  }

  private static Pod withStatus(
      Pod pod, String phase, boolean ready, ContainerStatus container, Instant started) {
    String now = Instant.now().toString();
    return new PodBuilder(pod)
        .editOrNewStatus()
        .withPhase(phase)
        .withHostIP("127.0.0.1")
        .withPodIP("127.0.0.1")
        .withStartTime(started == null ? null : started.toString())
        .withConditions(conditions(ready, now))
        .withContainerStatuses(container)
        .endStatus()
        .build();
  }

  private static List<PodCondition> conditions(boolean ready, String now) {
    String status = ready ? "True" : "False";
    return List.of(
        condition("PodScheduled", "True", now),
        condition("Initialized", "True", now),
        condition("ContainersReady", status, now),
        condition("Ready", status, now));
  }

  private static PodCondition condition(String type, String status, String now) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(now)
        .build();
  }

  /** Status writes may race the Job controller's own updates of the Pod; edit retries those. */
  private void write(Pod pod, UnaryOperator<Pod> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .editStatus(change);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }
}
