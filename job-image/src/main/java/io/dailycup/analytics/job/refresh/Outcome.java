package io.dailycup.analytics.job.refresh;

/** How a run ended, as the JSON result spells it. */
public enum Outcome {
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  /** Another run held the table's lock; nothing was written. */
  SKIPPED("Skipped");

  private final String displayName;

  Outcome(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
