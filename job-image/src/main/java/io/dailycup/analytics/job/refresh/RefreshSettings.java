package io.dailycup.analytics.job.refresh;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How a refresh behaves, beyond what it refreshes.
 *
 * @param zone the time zone whose local days the summary holds
 * @param chunkDays the most days written in one transaction
 * @param renameLockWait how long the swap of a full refresh waits for readers' table locks
 * @param renameAttempts how often the swap is tried before the run fails
 * @param maxShrinkPercent how much smaller, in messages, a full rebuild may be than the live table
 *     before the swap is refused
 */
public record RefreshSettings(
    ZoneId zone, int chunkDays, Duration renameLockWait, int renameAttempts, int maxShrinkPercent) {

  public static final int DEFAULT_CHUNK_DAYS = 31;
  public static final Duration DEFAULT_RENAME_LOCK_WAIT = Duration.ofSeconds(5);
  public static final int DEFAULT_RENAME_ATTEMPTS = 5;
  public static final int DEFAULT_MAX_SHRINK_PERCENT = 10;

  public RefreshSettings {
    if (chunkDays < 1) {
      throw new IllegalArgumentException("chunk days must be at least 1, got " + chunkDays);
    }
    if (renameAttempts < 1) {
      throw new IllegalArgumentException("swap attempts must be at least 1, got " + renameAttempts);
    }
    if (renameLockWait.isNegative() || renameLockWait.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "the swap's lock wait must be at least 1 second, got " + renameLockWait.toSeconds());
    }
    if (maxShrinkPercent < 0 || maxShrinkPercent > 100) {
      throw new IllegalArgumentException(
          "max shrink percent must be between 0 and 100, got " + maxShrinkPercent);
    }
  }

  public static RefreshSettings defaults(ZoneId zone) {
    return new RefreshSettings(
        zone,
        DEFAULT_CHUNK_DAYS,
        DEFAULT_RENAME_LOCK_WAIT,
        DEFAULT_RENAME_ATTEMPTS,
        DEFAULT_MAX_SHRINK_PERCENT);
  }
}
