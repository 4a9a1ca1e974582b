package io.dailycup.analytics.job.refresh;

import java.time.Duration;

/** Waits between retries of the full refresh's swap. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
