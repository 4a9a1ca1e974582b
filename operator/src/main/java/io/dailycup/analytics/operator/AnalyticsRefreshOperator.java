package io.dailycup.analytics.operator;

import io.dailycup.analytics.operator.alert.AlertDispatcher;
import io.dailycup.analytics.operator.alert.RetryPolicy;
import io.dailycup.analytics.operator.alert.SlackChannel;
import io.dailycup.analytics.operator.audit.AuditWriter;
import io.dailycup.analytics.operator.metrics.RefreshMetrics;
import io.dailycup.analytics.operator.reconcile.Alerting;
import io.dailycup.analytics.operator.reconcile.AnalyticsRefreshReconciler;
import io.dailycup.analytics.operator.reconcile.AuditTrail;
import io.dailycup.analytics.operator.reconcile.CronJobDependent;
import io.dailycup.analytics.operator.reconcile.CronJobFactory;
import io.dailycup.analytics.operator.reconcile.EventRecorder;
import io.dailycup.analytics.operator.reconcile.Labels;
import io.dailycup.analytics.operator.reconcile.ManualRefresh;
import io.dailycup.analytics.operator.reconcile.Notifications;
import io.dailycup.analytics.operator.reconcile.RunTracker;
import io.dailycup.analytics.operator.reconcile.SecretValues;
import io.dailycup.analytics.operator.reconcile.TerminationMessages;
import io.dailycup.analytics.operator.validate.SpecValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the operator from its settings: the one place where every collaborator is made and passed
 * in. Tests build it the same way, with their own client and, on the mock server, without
 * server-side apply.
 */
public final class AnalyticsRefreshOperator {

  /** Connect, read and write timeout of each Slack request. */
  private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(10);

  /** An audit pool unused this long is closed; the next write opens it again. */
  private static final Duration AUDIT_POOL_IDLE = Duration.ofMinutes(15);

  private AnalyticsRefreshOperator() {}

  /**
   * @param serverSideApply true in production; the Fabric8 mock server cannot apply, so tests on it
   *     pass false (the end-to-end tests cover the production path)
   */
  public static Operator build(
      KubernetesClient client,
      OperatorSettings settings,
      MeterRegistry registry,
      Clock clock,
      boolean serverSideApply) {
    Consumer<ConfigurationServiceOverrider> configuration =
        overrider -> {
          overrider
              .withKubernetesClient(client)
              .withCloseClientOnStop(false)
              .withSSABasedCreateUpdateMatchForDependentResources(serverSideApply)
              .withUseSSAToPatchPrimaryResource(serverSideApply)
              // The SDK's series per controller, not per resource: the operator's own series
              // carry each resource, and a thousand resources' reconcile timers would cost
              // memory here and cardinality in Prometheus.
              .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
          if (settings.leaderElection()) {
            overrider.withLeaderElectionConfiguration(
                LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                        "analytics-refresh-operator")
                    .withLeaseNamespace(settings.leaseNamespace())
                    .withIdentity(settings.identity())
                    .withLeaseDuration(Duration.ofSeconds(15))
                    .withRenewDeadline(Duration.ofSeconds(10))
                    .withRetryPeriod(Duration.ofSeconds(2))
                    .build());
          }
        };
    Operator operator = new Operator(configuration);
    operator.register(
        reconciler(client, settings, new RefreshMetrics(registry), clock),
        overrider -> {
          if (settings.watchNamespaces().isEmpty()) {
            overrider.watchingAllNamespaces();
          } else {
            overrider.settingNamespaces(settings.watchNamespaces());
          }
        });
    return operator;
  }

  private static AnalyticsRefreshReconciler reconciler(
      KubernetesClient client, OperatorSettings settings, RefreshMetrics metrics, Clock clock) {
    EventRecorder events = new EventRecorder(client, clock, settings.identity());
    SpecValidator validator =
        new SpecValidator(
            (namespace, name) ->
                Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
    return new AnalyticsRefreshReconciler(
        new CronJobDependent(new CronJobFactory(settings.defaultJobImage())),
        validator,
        new RunTracker(new TerminationMessages(client), new SecretValues(client), events),
        new ManualRefresh(client, events),
        events,
        metrics,
        notifications(client, settings, events, metrics, clock),
        settings.staleReminder(),
        clock);
  }

  private static Notifications notifications(
      KubernetesClient client,
      OperatorSettings settings,
      EventRecorder events,
      RefreshMetrics metrics,
      Clock clock) {
    SecretValues secrets = new SecretValues(client);
    Alerting alerting =
        new Alerting(
            secrets,
            SlackChannel.defaultClient(ALERT_TIMEOUT),
            new AlertDispatcher(),
            RetryPolicy.defaults(),
            events,
            metrics,
            settings.runbookUrl());
    AuditTrail audit =
        new AuditTrail(
            new AuditWriter(clock, AUDIT_POOL_IDLE),
            secrets,
            events,
            metrics,
            Labels.OPERATOR + "/" + settings.identity());
    return new Notifications(alerting, audit, events, settings.staleReminder());
  }

  /** The registry of {@code /metrics}: the operator's series, JOSDK's and the JVM's. */
  public static PrometheusMeterRegistry metricsRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** Whether the operator is started and every informer is watching. */
  public static boolean isReady(Operator operator) {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }
}
