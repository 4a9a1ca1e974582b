package io.dailycup.analytics.operator.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Kubernetes users write them: {@code 26h}, {@code 1d12h}, {@code 90m}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h|d)");
  private static final Map<String, Duration> UNITS =
      Map.of(
          "ms", Duration.ofMillis(1),
          "s", Duration.ofSeconds(1),
          "m", Duration.ofMinutes(1),
          "h", Duration.ofHours(1),
          "d", Duration.ofDays(1));

  private Durations() {}

  /**
   * Parses a sequence of number-unit parts.
   *
   * @throws IllegalArgumentException when the text is not such a sequence or is zero
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a duration must not be empty");
    }
    Matcher part = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      BigDecimal amount = new BigDecimal(part.group(1));
      long nanos =
          amount.multiply(BigDecimal.valueOf(UNITS.get(part.group(2)).toNanos())).longValue();
      total = total.plusNanos(nanos);
      end = part.end();
    }
    if (end != text.length() || total.isZero()) {
      throw new IllegalArgumentException(
          "'%s' is not a duration such as 26h, 90m or 1d12h".formatted(text));
    }
    return total;
  }
}
