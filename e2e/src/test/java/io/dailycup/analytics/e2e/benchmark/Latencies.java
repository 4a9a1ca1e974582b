package io.dailycup.analytics.e2e.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations and their order statistics. */
final class Latencies {

  private final List<Duration> samples = new ArrayList<>();

  synchronized void add(Duration sample) {
    samples.add(sample);
  }

  synchronized int count() {
    return samples.size();
  }

  Duration median() {
    return percentile(50);
  }

  /** The nearest-rank percentile: the smallest sample at or above {@code p} percent of them. */
  synchronized Duration percentile(int p) {
    if (samples.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Duration> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  synchronized Duration max() {
    return Collections.max(samples);
  }
}
