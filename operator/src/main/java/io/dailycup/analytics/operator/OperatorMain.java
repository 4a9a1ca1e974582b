package io.dailycup.analytics.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the operator in its Pod: settings, log format, Kubernetes client, health, shutdown. */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      System.err.println("analytics-refresh-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before the first logger exists: logback reads this when it starts.
    if (settings.jsonLogs()) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    Logger log = LoggerFactory.getLogger(OperatorMain.class);

    KubernetesClient client = new KubernetesClientBuilder().build();
    PrometheusMeterRegistry registry = AnalyticsRefreshOperator.metricsRegistry();
    Operator operator =
        AnalyticsRefreshOperator.build(client, settings, registry, Clock.systemUTC(), true);
    HealthServer health =
        HealthServer.start(
            settings.httpPort(),
            () -> AnalyticsRefreshOperator.isReady(operator),
            registry::scrape);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping");
                  operator.stop();
                  health.close();
                  client.close();
                },
                "shutdown"));
    operator.start();
    log.info(
        "started: watching {}, default job image {}, leader election {}",
        settings.watchNamespaces().isEmpty() ? "all namespaces" : settings.watchNamespaces(),
        settings.defaultJobImage(),
        settings.leaderElection() ? "on" : "off");
  }
}
