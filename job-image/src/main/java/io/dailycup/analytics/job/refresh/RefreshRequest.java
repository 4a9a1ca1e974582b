package io.dailycup.analytics.job.refresh;

import java.util.Optional;

/**
 * One run's instructions: the mode and, except for a full refresh whose days come from the data,
 * the window of local days.
 */
public record RefreshRequest(RefreshMode mode, Optional<RefreshWindow> window, boolean dryRun) {

  public RefreshRequest {
    boolean needsWindow = mode != RefreshMode.FULL;
    if (needsWindow != window.isPresent()) {
      throw new IllegalArgumentException("a full refresh has no window; the other modes need one");
    }
  }

  public static RefreshRequest full(boolean dryRun) {
    return new RefreshRequest(RefreshMode.FULL, Optional.empty(), dryRun);
  }

  public static RefreshRequest window(RefreshMode mode, RefreshWindow window, boolean dryRun) {
    return new RefreshRequest(mode, Optional.of(window), dryRun);
  }
}
