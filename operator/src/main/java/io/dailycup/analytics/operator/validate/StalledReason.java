package io.dailycup.analytics.operator.validate;

/** Why a resource cannot be acted on, as the {@code Stalled} condition's reason says it. */
public enum StalledReason {
  InvalidSchedule,
  InvalidTimeZone,
  InvalidSpec,
  SecretNotFound,
  SecretKeyMissing;

  /** Whether the fix lies outside the resource, so a later check may pass unchanged. */
  public boolean dependsOnOtherObjects() {
    return this == SecretNotFound || this == SecretKeyMissing;
  }
}
