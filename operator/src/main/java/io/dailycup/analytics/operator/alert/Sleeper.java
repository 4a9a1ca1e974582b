package io.dailycup.analytics.operator.alert;

import java.time.Duration;

/** Waits between attempts; a seam so that tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread for {@link Thread#sleep(long)}. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
