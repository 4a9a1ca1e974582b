package io.dailycup.analytics.operator.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob schedule as Kubernetes reads it: five fields or one of the {@code @daily}-style macros,
 * evaluated in a time zone. Parsing here catches what the API server would accept but the CronJob
 * controller would then reject at run time.
 */
public final class Schedule {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** The macros the CronJob controller understands, as the five fields they stand for. */
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  /**
   * How far ahead the longest gap between runs is looked for: at least 400 runs (more than a year
   * of a daily schedule) and at least 8 days (a full week of a frequent one), whichever is longer,
   * but never more than {@link #MAX_RUNS_SAMPLED} runs.
   */
  private static final int MIN_RUNS_SAMPLED = 400;

  private static final Duration MIN_SPAN_SAMPLED = Duration.ofDays(8);
  private static final int MAX_RUNS_SAMPLED = 20_000;

  private final String expression;
  private final ExecutionTime executions;
  private final ZoneId zone;

  private Schedule(String expression, ExecutionTime executions, ZoneId zone) {
    this.expression = expression;
    this.executions = executions;
    this.zone = zone;
  }

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException with a message fit for a status condition
   */
  public static Schedule parse(String expression, ZoneId zone) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("the schedule is empty");
    }
    String trimmed = expression.strip();
    if (trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=")) {
      throw new IllegalArgumentException(
          "the schedule must not set TZ or CRON_TZ; use spec.timeZone instead");
    }
    String fields = trimmed.startsWith("@") ? macro(trimmed) : trimmed;
    if (fields.split("\\s+").length != 5) {
      throw new IllegalArgumentException(
          ("schedule '%s' must have five fields (minute hour day-of-month month day-of-week)"
                  + " or be a macro such as @daily")
              .formatted(expression));
    }
    try {
      Cron cron = UNIX.parse(fields);
      cron.validate();
      return new Schedule(trimmed, ExecutionTime.forCron(cron), zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "schedule '%s' is not a valid cron expression: %s".formatted(expression, e.getMessage()));
    }
  }

  /** The expression as written, macros not expanded. */
  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first scheduled time after {@code now}, if the schedule ever fires again. */
  public Optional<Instant> nextAfter(Instant now) {
    return executions.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /**
   * The longest time between two consecutive runs over the coming year: the interval a healthy
   * schedule is expected to keep, so a weekday schedule counts its weekend gap.
   */
  public Duration longestInterval(Instant from) {
    Duration longest = Duration.ZERO;
    ZonedDateTime until = from.atZone(zone).plus(MIN_SPAN_SAMPLED);
    Optional<ZonedDateTime> previous = executions.nextExecution(from.atZone(zone));
    for (int runs = 0; previous.isPresent() && runs < MAX_RUNS_SAMPLED; runs++) {
      if (runs >= MIN_RUNS_SAMPLED && previous.get().isAfter(until)) {
        break;
      }
      Optional<ZonedDateTime> next = executions.nextExecution(previous.get());
      if (next.isEmpty()) {
        break;
      }
      Duration gap = Duration.between(previous.get(), next.get());
      longest = gap.compareTo(longest) > 0 ? gap : longest;
      previous = next;
    }
    return longest;
  }

  private static String macro(String name) {
    String fields = MACROS.get(name.toLowerCase(Locale.ROOT));
    if (fields == null) {
      throw new IllegalArgumentException(
          "unknown schedule macro '%s'; use @yearly, @monthly, @weekly, @daily or @hourly"
              .formatted(name));
    }
    return fields;
  }
}
