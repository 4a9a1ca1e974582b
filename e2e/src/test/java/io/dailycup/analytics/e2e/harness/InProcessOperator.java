package io.dailycup.analytics.e2e.harness;

import io.dailycup.analytics.e2e.cluster.ControlPlane;
import io.dailycup.analytics.e2e.cluster.LocalPorts;
import io.dailycup.analytics.operator.AnalyticsRefreshOperator;
import io.dailycup.analytics.operator.HealthServer;
import io.dailycup.analytics.operator.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * The operator as the chart deploys it, run in this JVM: the settings come from the environment of
 * the chart's Deployment, the client authenticates with a token of the chart's ServiceAccount (so
 * it has the chart's RBAC rules and nothing else), and server-side apply is on, as in production.
 * Only the metrics port differs: the Deployment's port is the Pod's.
 */
public final class InProcessOperator implements AutoCloseable {

  private final KubernetesClient client;
  private final Operator operator;
  private final HealthServer health;

  private InProcessOperator(KubernetesClient client, Operator operator, HealthServer health) {
    this.client = client;
    this.operator = operator;
    this.health = health;
  }

  /** Starts an operator like the one {@code release} in {@code namespace} would run. */
  public static InProcessOperator start(
      ControlPlane plane, KubernetesClient admin, String namespace, String release)
      throws IOException {
    ChartDeployment deployment = ChartDeployment.read(admin, namespace, release);
    OperatorSettings settings =
        OperatorSettings.fromEnvironment(
            deployment.environmentWith("METRICS_PORT", String.valueOf(LocalPorts.free())));
    KubernetesClient client = plane.clientWithToken(deployment.token(admin));
    PrometheusMeterRegistry registry = AnalyticsRefreshOperator.metricsRegistry();
    Operator operator =
        AnalyticsRefreshOperator.build(client, settings, registry, Clock.systemUTC(), true);
    operator.start();
    HealthServer health =
        HealthServer.start(
            settings.httpPort(),
            () -> AnalyticsRefreshOperator.isReady(operator),
            registry::scrape);
    return new InProcessOperator(client, operator, health);
  }

  /** The operator's own client: it holds only the ServiceAccount's permissions. */
  public KubernetesClient client() {
    return client;
  }

  /** A scrape of {@code /metrics}, over HTTP as Prometheus takes it. */
  public String scrapeMetrics() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  @Override
  public void close() {
    operator.stop();
    health.close();
    client.close();
  }
}
