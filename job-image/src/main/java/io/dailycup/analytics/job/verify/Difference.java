package io.dailycup.analytics.job.verify;

/**
 * One way the summary disagrees with the source: a group missing from the summary, a group the
 * source does not have, or different figures. {@code expected} is null for an unexpected row,
 * {@code actual} for a missing one.
 */
public record Difference(GroupKey key, Measures expected, Measures actual) {

  @Override
  public String toString() {
    if (actual == null) {
      return "missing   " + key + ": the source has " + expected;
    }
    if (expected == null) {
      return "unexpected " + key + ": the source has no such messages, the summary has " + actual;
    }
    return "different " + key + ": the source has " + expected + ", the summary has " + actual;
  }
}
