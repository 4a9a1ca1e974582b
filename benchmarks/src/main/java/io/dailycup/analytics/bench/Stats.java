package io.dailycup.analytics.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** Medians and maxima of repeated measurements. */
final class Stats {

  private Stats() {}

  /** The median: the middle value, or the mean of the two middle ones. */
  static <T> double median(Collection<T> samples, ToDoubleFunction<T> value) {
    double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static <T> double min(Collection<T> samples, ToDoubleFunction<T> value) {
    return samples.stream().mapToDouble(value).min().orElseThrow();
  }

  static <T> double max(Collection<T> samples, ToDoubleFunction<T> value) {
    return samples.stream().mapToDouble(value).max().orElseThrow();
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
