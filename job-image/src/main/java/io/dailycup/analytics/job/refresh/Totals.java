package io.dailycup.analytics.job.refresh;

/** Summary rows and the source messages they count. */
public record Totals(long rows, long messages) {

  public static final Totals NONE = new Totals(0, 0);

  public Totals plus(Totals other) {
    return new Totals(rows + other.rows, messages + other.messages);
  }
}
