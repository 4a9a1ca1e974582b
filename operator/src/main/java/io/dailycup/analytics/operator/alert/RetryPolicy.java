package io.dailycup.analytics.operator.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a channel keeps trying. Bounded on every side, because the alert is sent from the
 * operator and a channel that never gives up would hold its thread.
 *
 * @param maxAttempts the most requests sent, the first included (at least 1)
 * @param initialBackoff the wait after the first failure; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param maxRetryAfter the longest wait a server's {@code Retry-After} may ask for
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    requireNotNegative(initialBackoff, "initialBackoff");
    requireNotNegative(maxBackoff, "maxBackoff");
    requireNotNegative(maxRetryAfter, "maxRetryAfter");
  }

  /**
   * Three attempts over at most about half a minute: enough to ride out a short Slack outage or a
   * rate limit without delaying the operator for long.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** The wait after {@code failedAttempts} failures: exponential, capped at maxBackoff. */
  public Duration backoff(int failedAttempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return min(wait, maxBackoff);
  }

  /** The wait a server asked for, capped at maxRetryAfter. */
  public Duration retryAfter(Duration asked) {
    return min(asked, maxRetryAfter);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
  }
}
