package io.dailycup.analytics.operator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The longest interval of each schedule, computed once per schedule, zone and UTC day instead of on
 * every reconcile: working it out walks hundreds to thousands of cron executions, and a thousand
 * resources usually share a handful of schedules. Within a day the year-ahead answer does not
 * change but for a clock change entering or leaving the sampled year.
 */
public final class LongestIntervals {

  /** Distinct schedules kept; the least recently used one goes first. */
  private static final int MAX_ENTRIES = 1024;

  private record Key(String expression, ZoneId zone, LocalDate day) {}

  private final Map<Key, Duration> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Duration> eldest) {
              return size() > MAX_ENTRIES;
            }
          });

  public Duration of(Schedule schedule, Instant now) {
    Key key =
        new Key(schedule.expression(), schedule.zone(), LocalDate.ofInstant(now, ZoneOffset.UTC));
    return cache.computeIfAbsent(key, ignored -> schedule.longestInterval(now));
  }
}
