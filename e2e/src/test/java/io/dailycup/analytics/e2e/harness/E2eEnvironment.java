package io.dailycup.analytics.e2e.harness;

import com.marcnuri.helm.Helm;
import io.dailycup.analytics.e2e.cluster.ControlPlane;
import io.dailycup.analytics.e2e.cluster.ControlPlaneBinaries;
import io.dailycup.analytics.e2e.node.ImageCommands;
import io.dailycup.analytics.e2e.node.NodeAgent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the scenarios share, started once per test JVM and stopped when it exits: the control
 * plane, the chart installed into it, the node agent, MariaDB and the operator.
 */
public final class E2eEnvironment {

  /** The chart's release, installed as a user would, into the operator's own namespace. */
  public static final String RELEASE = "analytics-refresh";

  public static final String OPERATOR_NAMESPACE = "analytics-system";

  /** The job image the chart is told to use; the node agent runs the job jar for it. */
  public static final String JOB_IMAGE_REPOSITORY =
      "registry.example.com/dailycup/analytics-refresh-job";

  private static final Logger LOG = LoggerFactory.getLogger(E2eEnvironment.class);

  private static E2eEnvironment instance;

  /** Why the environment could not start: every later test class fails with it at once. */
  private static Exception startFailure;

  private final Path projectRoot;
  private final ControlPlane plane;
  private final KubernetesClient admin;
  private final NodeAgent node;
  private final E2eDatabase database;
  private final Kubectl kubectl;
  private InProcessOperator operator;

  private E2eEnvironment(
      Path projectRoot,
      ControlPlane plane,
      KubernetesClient admin,
      NodeAgent node,
      E2eDatabase database,
      Kubectl kubectl) {
    this.projectRoot = projectRoot;
    this.plane = plane;
    this.admin = admin;
    this.node = node;
    this.database = database;
    this.kubectl = kubectl;
  }

  public static synchronized E2eEnvironment get() throws Exception {
    if (startFailure != null) {
      throw new IllegalStateException("The end-to-end environment did not start", startFailure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (Exception e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "e2e-environment-stop"));
    }
    return instance;
  }

  private static E2eEnvironment start() throws Exception {
    Path projectRoot =
        Path.of(System.getProperty("e2e.projectRoot", "..")).toAbsolutePath().normalize();
    Path work = Path.of(System.getProperty("e2e.workDirectory", "target/e2e")).toAbsolutePath();
    Path jobJar = projectRoot.resolve("job-image/target/analytics-refresh-standalone.jar");
    if (!Files.isRegularFile(jobJar)) {
      throw new IllegalStateException(
          jobJar + " is missing: build the job first (./mvnw -B -pl e2e -am verify builds it)");
    }
    List<AutoCloseable> started = new ArrayList<>();
    try {
      ControlPlaneBinaries binaries = ControlPlaneBinaries.locate(projectRoot);
      ControlPlane plane = ControlPlane.start(binaries, work.resolve("control-plane"));
      started.add(plane);
      KubernetesClient admin = plane.adminClient();
      installChart(projectRoot, plane);
      NodeAgent node =
          new NodeAgent(
              admin,
              "e2e-node",
              ImageCommands.prepare(projectRoot, jobJar, work.resolve("job-image")),
              work.resolve("node"));
      node.start();
      started.add(node);
      E2eDatabase database = E2eDatabase.start(work.resolve("mariadb"), "refresh-e2e-password");
      started.add(database);
      Kubectl kubectl = new Kubectl(binaries.program("kubectl"), plane.adminKubeconfig());
      E2eEnvironment environment =
          new E2eEnvironment(projectRoot, plane, admin, node, database, kubectl);
      environment.startOperator();
      LOG.info("end-to-end environment up at {}", plane.apiServerUrl());
      return environment;
    } catch (Exception e) {
      Collections.reverse(started);
      closeEach(started);
      throw e;
    }
  }

  /** Closes every part in turn, each even when an earlier one fails to close. */
  private static void closeEach(List<AutoCloseable> parts) {
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping the end-to-end environment: {} did not stop cleanly: {}", part, e);
      }
    }
  }

  /** The chart with values a user would set: a private registry and a runbook link. */
  private static void installChart(Path projectRoot, ControlPlane plane) {
    new Helm(projectRoot.resolve("helm/analytics-refresh-operator"))
        .install()
        .withName(RELEASE)
        .withNamespace(OPERATOR_NAMESPACE)
        .createNamespace()
        .withKubeConfig(plane.adminKubeconfig())
        .set("jobImage.repository", JOB_IMAGE_REPOSITORY)
        .set("jobImage.tag", "e2e")
        .set("runbookUrl", "https://runbooks.example.com/analytics-refresh")
        .call();
  }

  public synchronized InProcessOperator operator() {
    return operator;
  }

  public synchronized void startOperator() throws Exception {
    if (operator == null) {
      operator = InProcessOperator.start(plane, admin, OPERATOR_NAMESPACE, RELEASE);
    }
  }

  public synchronized void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  public ControlPlane plane() {
    return plane;
  }

  public KubernetesClient admin() {
    return admin;
  }

  public NodeAgent node() {
    return node;
  }

  public E2eDatabase database() {
    return database;
  }

  public Kubectl kubectl() {
    return kubectl;
  }

  public Path projectRoot() {
    return projectRoot;
  }

  private synchronized void stop() {
    closeEach(List.of(this::stopOperator, node, admin, database, plane));
  }
}
