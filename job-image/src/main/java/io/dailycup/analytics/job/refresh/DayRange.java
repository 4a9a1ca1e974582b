package io.dailycup.analytics.job.refresh;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One local day of a time zone as the half-open UTC range {@code [startUtc, endUtc)} of the source
 * rows it holds. A day on which the clocks change lasts 23 or 25 hours.
 */
public record DayRange(LocalDate day, LocalDateTime startUtc, LocalDateTime endUtc) {

  /** The range of {@code day} in {@code zone}, from its first instant to the next day's. */
  public static DayRange of(LocalDate day, ZoneId zone) {
    return new DayRange(day, startOf(day, zone), startOf(day.plusDays(1), zone));
  }

  /**
   * The first instant of a local day. {@code atStartOfDay} rather than midnight: in zones whose
   * clocks jump at midnight the day starts at 01:00.
   */
  private static LocalDateTime startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  public Duration length() {
    return Duration.between(startUtc, endUtc);
  }
}
