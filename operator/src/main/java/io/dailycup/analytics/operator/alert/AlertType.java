package io.dailycup.analytics.operator.alert;

/** What an alert reports; it decides the word a message leads with. */
public enum AlertType {
  /** A run failed. */
  FAILURE("FAILED"),
  /** No run succeeded within the resource's stale limit. */
  STALE("STALE"),
  /** The first success after a failure or staleness. */
  RECOVERY("RECOVERED"),
  /** Asked for with the test-alert annotation, to check that the channels work. */
  TEST("TEST");

  private final String label;

  AlertType(String label) {
    this.label = label;
  }

  /** The upper-case word that starts a subject or a Slack header, such as {@code FAILED}. */
  public String label() {
    return label;
  }
}
