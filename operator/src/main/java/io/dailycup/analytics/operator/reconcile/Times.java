package io.dailycup.analytics.operator.reconcile;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times in status, as Kubernetes writes them: RFC 3339 in UTC, whole seconds. */
public final class Times {

  private Times() {}

  public static String format(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public static Instant parse(String text) {
    return text == null || text.isEmpty() ? null : Instant.parse(text);
  }
}
