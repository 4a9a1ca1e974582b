package io.dailycup.analytics.operator.reconcile;

import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.operator.AnalyticsRefreshOperator;
import io.dailycup.analytics.operator.OperatorSettings;
import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshSpec;
import io.dailycup.analytics.operator.model.DatabaseSpec;
import io.dailycup.analytics.operator.model.SecretReference;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the operator against the Fabric8 mock server in CRUD mode, as production builds it except
 * for server-side apply, which the mock server lacks (the end-to-end tests cover it).
 */
final class OperatorHarness implements AutoCloseable {

  static final String NAMESPACE = "analytics";
  static final String IMAGE = "registry.example/analytics-refresh-job:test";

  static final Duration STALE_REMINDER = Duration.ofHours(6);

  private final KubernetesClient client;
  private final TestClock clock = new TestClock();
  private final PrometheusMeterRegistry registry = AnalyticsRefreshOperator.metricsRegistry();
  private Operator operator;

  OperatorHarness(KubernetesClient client) {
    this.client = client;
  }

  OperatorHarness start() {
    OperatorSettings settings =
        new OperatorSettings(
            Set.of(), IMAGE, 0, false, NAMESPACE, "test-operator", false, STALE_REMINDER, "");
    operator = AnalyticsRefreshOperator.build(client, settings, registry, clock, false);
    operator.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> AnalyticsRefreshOperator.isReady(operator));
    return this;
  }

  /** Stops this operator and starts a fresh one, as a restart or a new leader would. */
  OperatorHarness restart() {
    operator.stop();
    return start();
  }

  /** The operator's clock, which tests move forward instead of waiting. */
  TestClock clock() {
    return clock;
  }

  /** What {@code /metrics} would serve now. */
  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.stop();
    }
  }

  static AnalyticsRefresh refresh(String name, String schedule) {
    AnalyticsRefresh refresh = new AnalyticsRefresh();
    refresh.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    AnalyticsRefreshSpec spec = new AnalyticsRefreshSpec();
    spec.setSchedule(schedule);
    DatabaseSpec database = new DatabaseSpec();
    database.setSecretRef(new SecretReference(name + "-db"));
    spec.setDatabase(database);
    refresh.setSpec(spec);
    return refresh;
  }

  void createDatabaseSecret(String name, Map<String, String> values) {
    Map<String, String> data =
        values.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> Base64.getEncoder().encodeToString(e.getValue().getBytes())));
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(data)
                .build())
        .createOr(NonDeletingOperation::update);
  }

  static Map<String, String> validDatabaseSecret() {
    return Map.of(
        "url", "jdbc:mysql://mysql.db:3306/dailycup",
        "username", "refresher",
        "password", "s3cret-db-password");
  }

  /**
   * Edits a resource as a user would; the operator patches its status meanwhile, so a conflict
   * (409) is retried with the latest version, as kubectl does.
   */
  void edit(String name, Consumer<AnalyticsRefresh> change) {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(
            () -> {
              client
                  .resources(AnalyticsRefresh.class)
                  .inNamespace(NAMESPACE)
                  .withName(name)
                  .edit(
                      r -> {
                        if (r.getMetadata().getAnnotations() == null) {
                          r.getMetadata().setAnnotations(new HashMap<>());
                        }
                        change.accept(r);
                        return r;
                      });
              return true;
            });
  }

  /** Sets annotations on a resource: a request token, or just something to reconcile on. */
  void annotate(String name, Map<String, String> annotations) {
    edit(name, r -> r.getMetadata().getAnnotations().putAll(annotations));
  }

  AnalyticsRefresh get(String name) {
    return client.resources(AnalyticsRefresh.class).inNamespace(NAMESPACE).withName(name).get();
  }

  CronJob cronJob(String name) {
    return client.batch().v1().cronjobs().inNamespace(NAMESPACE).withName(name).get();
  }

  List<Job> jobs() {
    return client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems();
  }

  List<Event> events(String refreshName) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> refreshName.equals(event.getInvolvedObject().getName()))
        .toList();
  }
}
