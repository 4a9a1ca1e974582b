package io.dailycup.analytics.job.refresh;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A run of consecutive local days, both ends included, in one time zone. */
public record RefreshWindow(LocalDate first, LocalDate last, ZoneId zone) {

  public RefreshWindow {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "the window's last day %s is before its first day %s".formatted(last, first));
    }
  }

  /** The {@code days} local days that end with {@code today}. */
  public static RefreshWindow lastDays(int days, LocalDate today, ZoneId zone) {
    if (days < 1) {
      throw new IllegalArgumentException("a window has at least one day, got " + days);
    }
    return new RefreshWindow(today.minusDays(days - 1L), today, zone);
  }

  public int dayCount() {
    return Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1);
  }

  /** Each day of the window as its UTC range, in order. */
  public List<DayRange> days() {
    List<DayRange> ranges = new ArrayList<>(dayCount());
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      ranges.add(DayRange.of(day, zone));
    }
    return ranges;
  }

  /** The window cut into consecutive pieces of at most {@code maxDays} whole days. */
  public List<RefreshWindow> chunks(int maxDays) {
    List<RefreshWindow> chunks = new ArrayList<>();
    for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(maxDays)) {
      LocalDate end = start.plusDays(maxDays - 1L);
      chunks.add(new RefreshWindow(start, end.isAfter(last) ? last : end, zone));
    }
    return chunks;
  }

  /** The first UTC instant of the window, inclusive. */
  public LocalDateTime utcStart() {
    return DayRange.of(first, zone).startUtc();
  }

  /** The UTC instant after the window, exclusive. */
  public LocalDateTime utcEnd() {
    return DayRange.of(last, zone).endUtc();
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
