package io.dailycup.analytics.e2e.node;

import io.dailycup.analytics.e2e.cluster.Directories;
import io.dailycup.analytics.e2e.node.PodEnvironment.ContainerConfigException;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the scheduler and the kubelet of one node, so that the real Job and CronJob
 * controllers see real outcomes. It registers a Node, binds every unscheduled Pod to it, runs each
 * Pod's single container as a local process (see {@link ImageCommands}) with the Pod's arguments
 * and resolved environment, and writes the Pod's status as a kubelet would: Running, then Succeeded
 * or Failed with the exit code and the termination message.
 *
 * <p>Unlike a kubelet it has no containers, images, volumes, probes, resource limits or restarts,
 * and it handles only single-container Pods with {@code restartPolicy: Never}. The termination
 * message file is passed to the process through {@code TERMINATION_MESSAGE_PATH} instead of being
 * mounted at the container's {@code terminationMessagePath}.
 */
public final class NodeAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

  private final KubernetesClient client;
  private final String nodeName;
  private final ImageCommands images;
  private final PodEnvironment environment;
  private final Path directory;
  private final ExecutorService work = Executors.newCachedThreadPool();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, LocalContainer> running = new ConcurrentHashMap<>();
  private final PodStatusWriter statuses;
  private final Object startGate = new Object();
  private boolean holding;
  private SharedIndexInformer<Pod> informer;

  public NodeAgent(KubernetesClient client, String nodeName, ImageCommands images, Path directory) {
    this.client = client;
    this.nodeName = nodeName;
    this.images = images;
    this.environment = new PodEnvironment(client);
    this.directory = directory;
    this.statuses = new PodStatusWriter(client);
  }

  /** Registers the Node and starts binding and running Pods; the output of earlier runs goes. */
  public void start() throws IOException {
    Directories.recreate(directory);
    registerNode();
    informer = client.pods().inAnyNamespace().inform(new Handler(), 0);
  }

  public String nodeName() {
    return nodeName;
  }

  /** From now on, new Pods stay Pending, their processes unstarted, until {@link #release()}. */
  public void hold() {
    synchronized (startGate) {
      holding = true;
    }
  }

  /** Lets every held Pod, and every later one, start its process. */
  public void release() {
    synchronized (startGate) {
      holding = false;
      startGate.notifyAll();
    }
  }

  /** How many processes are running now. */
  public int runningCount() {
    return running.size();
  }

  /** The output of a Pod's process, for a test's diagnosis. */
  public Path logOf(Pod pod) {
    return directory.resolve(
        pod.getMetadata().getNamespace() + "_" + pod.getMetadata().getName() + ".log");
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    // No job JVM may outlive the test JVM: each is stopped and waited for.
    try {
      for (LocalContainer container : running.values()) {
        container.stop(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    work.shutdownNow();
  }

  private void registerNode() {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(nodeName)
                .addToLabels("kubernetes.io/hostname", nodeName)
                .addToLabels("kubernetes.io/os", "linux")
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    client.nodes().withName(nodeName).editStatus(node -> NodeStatuses.ready(node));
  }

  private void handle(Pod pod) {
    try {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        terminate(pod);
      } else if (pod.getSpec().getNodeName() == null) {
        bind(pod);
      } else if (nodeName.equals(pod.getSpec().getNodeName())
          && "Pending".equals(phase(pod))
          && seen.add(pod.getMetadata().getUid())) {
        work.execute(() -> runReportingFailures(pod));
      }
    } catch (KubernetesClientException e) {
      // The Pod changed or went away meanwhile; the informer brings its next version.
      LOG.debug("Pod {} not handled: {}", pod.getMetadata().getName(), e.getMessage());
    }
  }

  private void bind(Pod pod) {
    client
        .bindings()
        .inNamespace(pod.getMetadata().getNamespace())
        .resource(
            new BindingBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName())
                .endMetadata()
                .withNewTarget()
                .withKind("Node")
                .withName(nodeName)
                .endTarget()
                .build())
        .create();
  }

  /**
   * Runs a Pod on a worker thread. A Pod deleted while it runs makes the status writes fail with
   * 404: that is the end of its story, not an error.
   */
  private void runReportingFailures(Pod pod) {
    try {
      run(pod);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        LOG.debug("Pod {} went away while it ran", pod.getMetadata().getName());
      } else {
        LOG.warn(
            "Pod {} could not be run or reported: {}", pod.getMetadata().getName(), e.getMessage());
      }
    }
  }

  private void run(Pod pod) {
    try {
      // Held Pods stay Pending, as if their image were being pulled.
      awaitStart();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (deletedMeanwhile(pod)) {
      return;
    }
    Container container = pod.getSpec().getContainers().get(0);
    Optional<List<String>> entrypoint = images.entrypoint(container.getImage());
    if (entrypoint.isEmpty()) {
      statuses.waiting(pod, "ErrImagePull", "the node agent cannot run " + container.getImage());
      return;
    }
    Map<String, String> variables;
    try {
      variables = environment.resolve(pod, container);
    } catch (ContainerConfigException | KubernetesClientException e) {
      statuses.waiting(pod, "CreateContainerConfigError", e.getMessage());
      return;
    }
    Instant started = Instant.now();
    statuses.running(pod, started);
    try {
      LocalContainer process = launch(pod, container, entrypoint.get(), variables);
      running.put(pod.getMetadata().getUid(), process);
      int exitCode = process.waitFor();
      running.remove(pod.getMetadata().getUid());
      statuses.terminated(pod, started, exitCode, process.terminationMessage(container, exitCode));
    } catch (IOException e) {
      statuses.terminated(pod, started, 128, "the node agent could not start it: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A held Pod may have been deleted while it waited; a kubelet would not start it then. */
  private boolean deletedMeanwhile(Pod pod) {
    Pod current =
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .get();
    return current == null
        || current.getMetadata().getDeletionTimestamp() != null
        || !current.getMetadata().getUid().equals(pod.getMetadata().getUid());
  }

  private void awaitStart() throws InterruptedException {
    synchronized (startGate) {
      while (holding) {
        startGate.wait();
      }
    }
  }

  private LocalContainer launch(
      Pod pod, Container container, List<String> entrypoint, Map<String, String> variables)
      throws IOException {
    List<String> command = new ArrayList<>(entrypoint);
    if (container.getArgs() != null) {
      command.addAll(container.getArgs());
    }
    String base = pod.getMetadata().getNamespace() + "_" + pod.getMetadata().getName();
    return LocalContainer.start(
        command, variables, logOf(pod), directory.resolve(base + ".termination-log"));
  }

  /** A Pod being deleted: stop its process, then remove it as the kubelet does. */
  private void terminate(Pod pod) {
    LocalContainer process = running.get(pod.getMetadata().getUid());
    if (process != null) {
      process.kill();
    }
    if (nodeName.equals(pod.getSpec().getNodeName()) || pod.getSpec().getNodeName() == null) {
      client.pods().resource(pod).withGracePeriod(0).delete();
    }
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null
        ? "Pending"
        : pod.getStatus().getPhase();
  }

  private final class Handler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      handle(pod);
    }

    @Override
    public void onUpdate(Pod before, Pod pod) {
      handle(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      LocalContainer process = running.remove(pod.getMetadata().getUid());
      if (process != null) {
        process.kill();
      }
    }
  }
}
