package io.dailycup.analytics.e2e.benchmark;

import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.OperatorProcess;
import io.dailycup.analytics.e2e.harness.Resources;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator's scale and latency on the end-to-end control plane, against the targets of the
 * design: 1,000 resources to CronJobs, resident memory, a manual trigger to its Job, a failed Job
 * to its delivered alert. It prints its figures and asserts none of them (docs/benchmarks.md). The
 * operator runs as its own JVM from the shaded jar, so that its memory is its own.
 *
 * <p>Excluded from the normal suite; run it with {@code ./mvnw -B -pl e2e -am verify
 * -Dgroups=benchmark -De2e.excludedGroups=none -Dtest=OperatorBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class OperatorBenchmark {

  private static final int NAMESPACES = 10;
  private static final int RESOURCES = Integer.getInteger("benchmark.resources", 1000);
  private static final int TRIGGER_SAMPLES = Integer.getInteger("benchmark.triggers", 40);
  private static final int ALERT_SAMPLES = Integer.getInteger("benchmark.alerts", 15);
  private static final String REFRESH_LABEL = "analytics.dailycup.io/refresh";

  private final List<String> report = new ArrayList<>();
  private final Map<String, Long> jobSeenAt = new ConcurrentHashMap<>();
  private final Map<String, Long> jobFailedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> alertReceivedAt = new ConcurrentHashMap<>();

  @Test
  void measure() throws Exception {
    E2eEnvironment environment = E2eEnvironment.get();
    environment.stopOperator();
    Path work = Path.of(System.getProperty("e2e.workDirectory", "target/e2e"), "benchmark");
    record(
        "Control plane: etcd, kube-apiserver and kube-controller-manager "
            + environment.admin().getKubernetesVersion().getGitVersion()
            + " as local processes; node agent in place of scheduler and kubelet.");
    try (MockWebServer slack = slack();
        OperatorProcess operator = OperatorProcess.start(environment, environment.plane(), work);
        SharedIndexInformer<Job> jobs = watchJobs(environment.admin())) {
      String database = environment.database().createDatabase("benchmark", 10);
      // Runs against this one fail on the missing source table; audit rows still go in.
      String broken = environment.database().createDatabase("benchmark_broken", 0);
      environment.database().dropSourceTable(broken);
      List<Namespace> namespaces = createNamespaces(environment, database, broken, slack);

      Duration toCronJobs = createResources(environment, namespaces);
      record(
          row(
              String.format(Locale.ROOT, "%,d resources to CronJobs", RESOURCES),
              seconds(toCronJobs),
              "< 60 s"));
      record(row("machine load (1-min average) at that point", loadAverage(), ""));
      Thread.sleep(10_000); // let the informers' resync and the GC settle before reading memory
      record(row("operator resident memory after", mib(operator.residentBytes()), "< 300 MB"));
      record(row("operator peak resident memory", mib(operator.peakResidentBytes()), "< 300 MB"));

      if (Boolean.getBoolean("benchmark.nativeMemoryTracking")) {
        Files.createDirectories(work);
        Files.writeString(work.resolve("native-memory.txt"), operator.nativeMemorySummary());
      }

      // The manual runs stay Pending: forty refresh JVMs at once would load the machine that
      // the API server and the operator share, and only the Jobs' creation is measured here.
      environment.node().hold();
      Latencies triggers = measureManualTriggers(environment, namespaces.get(0));
      environment.admin().batch().v1().jobs().inNamespace(namespaces.get(0).name()).delete();
      await().atMost(Duration.ofSeconds(60)).until(() -> namespaces.get(0).jobs().isEmpty());
      environment.node().release();
      record(row("manual trigger to Job, median", millis(triggers.median()), "< 1 s"));
      record(row("manual trigger to Job, p95", millis(triggers.percentile(95)), ""));

      Latencies alerts = measureFailureAlerts(environment, namespaces.get(NAMESPACES - 1));
      record(row("failed Job to delivered alert, median", millis(alerts.median()), "< 3 s"));
      record(row("failed Job to delivered alert, max", millis(alerts.max()), ""));
      record(row("operator peak resident memory, end", mib(operator.peakResidentBytes()), ""));
    } finally {
      environment.node().release();
      for (int i = 0; i < NAMESPACES; i++) {
        environment.admin().namespaces().withName("bench-" + i).delete();
      }
      environment.startOperator();
    }
    Files.createDirectories(work);
    Files.write(work.resolve("operator-figures.txt"), report);
  }

  /** Prints a figure at once, so that a later failure keeps the ones before it. */
  private void record(String line) {
    System.out.println(line);
    report.add(line);
  }

  private List<Namespace> createNamespaces(
      E2eEnvironment environment, String database, String broken, MockWebServer slack) {
    List<Namespace> namespaces = new ArrayList<>();
    for (int i = 0; i < NAMESPACES; i++) {
      Namespace namespace = Namespace.create(environment, "bench-" + i);
      namespace.databaseSecret("db", database, environment.database().password());
      namespaces.add(namespace);
    }
    Namespace alerting = namespaces.get(NAMESPACES - 1);
    alerting.databaseSecret("broken-db", broken, environment.database().password());
    for (int i = 0; i < ALERT_SAMPLES; i++) {
      // One webhook path per resource tells the Slack stand-in whose alert arrived.
      alerting.secret(
          "slack-alerting-" + i,
          Map.of("webhook", slack.url("/services/T/B/alerting-" + i).toString()));
    }
    return namespaces;
  }

  /** Creates every resource from several threads; returns the time until all CronJobs exist. */
  private Duration createResources(E2eEnvironment environment, List<Namespace> namespaces)
      throws Exception {
    KubernetesClient admin = environment.admin();
    long start = System.nanoTime();
    ExecutorService creators = Executors.newFixedThreadPool(8);
    List<Future<?>> created = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      Namespace namespace = namespaces.get(i % NAMESPACES);
      String name = String.format(Locale.ROOT, "refresh-%04d", i);
      created.add(creators.submit(() -> admin.resource(resource(namespace.name(), name)).create()));
    }
    for (Future<?> future : created) {
      future.get();
    }
    creators.shutdown();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> cronJobCount(admin) >= RESOURCES);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static int cronJobCount(KubernetesClient admin) {
    return admin
        .batch()
        .v1()
        .cronjobs()
        .inAnyNamespace()
        .withLabel(REFRESH_LABEL)
        .list()
        .getItems()
        .size();
  }

  private Latencies measureManualTriggers(E2eEnvironment environment, Namespace namespace)
      throws Exception {
    Latencies latencies = new Latencies();
    for (int i = 0; i < TRIGGER_SAMPLES; i++) {
      String name = String.format(Locale.ROOT, "refresh-%04d", i * NAMESPACES);
      long sent = System.nanoTime();
      annotate(environment, namespace, name, "analytics.dailycup.io/refresh-requested-at", "t" + i);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> jobSeenAt.containsKey(namespace.name() + "/" + name));
      latencies.add(Duration.ofNanos(jobSeenAt.get(namespace.name() + "/" + name) - sent));
    }
    return latencies;
  }

  /**
   * Resources whose runs fail at once (wrong password, no retry) and alert on Slack: the time from
   * the Job's Failed condition, as a watch sees it, to the webhook call arriving.
   */
  private Latencies measureFailureAlerts(E2eEnvironment environment, Namespace namespace)
      throws Exception {
    Latencies latencies = new Latencies();
    for (int i = 0; i < ALERT_SAMPLES; i++) {
      String name = "alerting-" + i;
      environment.admin().resource(failingResource(namespace.name(), name, i)).create();
      await().atMost(Duration.ofSeconds(30)).until(() -> hasCronJob(environment, namespace, name));
      annotate(environment, namespace, name, "analytics.dailycup.io/refresh-requested-at", "once");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () ->
                  alertReceivedAt.containsKey(name)
                      && jobFailedAt.containsKey(namespace.name() + "/" + name));
      latencies.add(
          Duration.ofNanos(
              alertReceivedAt.get(name) - jobFailedAt.get(namespace.name() + "/" + name)));
    }
    return latencies;
  }

  private static boolean hasCronJob(E2eEnvironment environment, Namespace namespace, String name) {
    return environment
            .admin()
            .batch()
            .v1()
            .cronjobs()
            .inNamespace(namespace.name())
            .withName(name)
            .get()
        != null;
  }

  /** A merge patch of one annotation, as {@code kubectl annotate} sends it. */
  private static void annotate(
      E2eEnvironment environment, Namespace namespace, String name, String key, String value) {
    environment
        .admin()
        .resources(AnalyticsRefresh.class)
        .inNamespace(namespace.name())
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"%s\":\"%s\"}}}".formatted(key, value));
  }

  /** Records when each refresh's first Job appears and when a Job is first seen failed. */
  private SharedIndexInformer<Job> watchJobs(KubernetesClient admin) {
    return admin
        .batch()
        .v1()
        .jobs()
        .inAnyNamespace()
        .withLabel(REFRESH_LABEL)
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Job job) {
                long now = System.nanoTime();
                jobSeenAt.putIfAbsent(key(job), now);
                recordFailure(job, now);
              }

              @Override
              public void onUpdate(Job before, Job job) {
                recordFailure(job, System.nanoTime());
              }

              @Override
              public void onDelete(Job job, boolean finalStateUnknown) {}
            });
  }

  private void recordFailure(Job job, long now) {
    boolean failed =
        job.getStatus() != null
            && job.getStatus().getConditions() != null
            && job.getStatus().getConditions().stream()
                .anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()));
    if (failed) {
      jobFailedAt.putIfAbsent(key(job), now);
    }
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace()
        + "/"
        + job.getMetadata().getLabels().get(REFRESH_LABEL);
  }

  private MockWebServer slack() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            long now = System.nanoTime();
            String path = request.getUrl().encodedPath();
            alertReceivedAt.putIfAbsent(path.substring(path.lastIndexOf('/') + 1), now);
            return new MockResponse(200, Headers.of(), "ok");
          }
        });
    server.start();
    return server;
  }

  private static AnalyticsRefresh resource(String namespace, String name) {
    return Resources.refresh(namespace, name, "db", null);
  }

  private static AnalyticsRefresh failingResource(String namespace, String name, int index) {
    return Resources.refresh(namespace, name, "broken-db", "slack-alerting-" + index);
  }

  private static String row(String what, String value, String target) {
    return String.format(Locale.ROOT, "| %-44s | %12s | %-8s |", what, value, target);
  }

  /** Other work on the machine slows the API server most: the figures need this beside them. */
  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
  }
}
