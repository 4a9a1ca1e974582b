package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefreshStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.Optional;

/** Sets status conditions the Kubernetes way: the transition time moves only on a change. */
final class Conditions {

  static final String READY = "Ready";
  static final String STALLED = "Stalled";
  static final String LAST_RUN_SUCCEEDED = "LastRunSucceeded";
  static final String STALE = "Stale";

  private Conditions() {}

  static void set(
      AnalyticsRefreshStatus status,
      String type,
      String value,
      String reason,
      String message,
      Long generation,
      Instant now) {
    Optional<Condition> current = get(status, type);
    String transition =
        current
            .filter(c -> value.equals(c.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(Times.format(now));
    Condition condition =
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build();
    status.getConditions().removeIf(c -> type.equals(c.getType()));
    status.getConditions().add(condition);
    status.getConditions().sort(java.util.Comparator.comparing(Condition::getType));
  }

  static Optional<Condition> get(AnalyticsRefreshStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
