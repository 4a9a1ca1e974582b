package io.dailycup.analytics.operator;

import io.dailycup.analytics.operator.reconcile.AnalyticsRefreshReconciler;
import io.dailycup.analytics.operator.reconcile.CronJobDependent;
import io.dailycup.analytics.operator.reconcile.CronJobFactory;
import io.dailycup.analytics.operator.reconcile.EventRecorder;
import io.dailycup.analytics.operator.reconcile.ManualRefresh;
import io.dailycup.analytics.operator.reconcile.RunTracker;
import io.dailycup.analytics.operator.reconcile.TerminationMessages;
import io.dailycup.analytics.operator.validate.SpecValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
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

  private AnalyticsRefreshOperator() {}

  /**
   * @param serverSideApply true in production; the Fabric8 mock server cannot apply, so tests on it
   *     pass false (the end-to-end tests cover the production path)
   */
  public static Operator build(
      KubernetesClient client, OperatorSettings settings, Clock clock, boolean serverSideApply) {
    Consumer<ConfigurationServiceOverrider> configuration =
        overrider -> {
          overrider
              .withKubernetesClient(client)
              .withCloseClientOnStop(false)
              .withSSABasedCreateUpdateMatchForDependentResources(serverSideApply)
              .withUseSSAToPatchPrimaryResource(serverSideApply);
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
        reconciler(client, settings, clock),
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
      KubernetesClient client, OperatorSettings settings, Clock clock) {
    EventRecorder events = new EventRecorder(client, clock, settings.identity());
    SpecValidator validator =
        new SpecValidator(
            (namespace, name) ->
                Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
    return new AnalyticsRefreshReconciler(
        new CronJobDependent(new CronJobFactory(settings.defaultJobImage())),
        validator,
        new RunTracker(new TerminationMessages(client), events),
        new ManualRefresh(client, events),
        events,
        clock);
  }

  /** Whether the operator is started and every informer is watching. */
  public static boolean isReady(Operator operator) {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }
}
