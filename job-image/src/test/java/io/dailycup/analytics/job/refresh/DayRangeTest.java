package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DayRangeTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aUtcDayIsMidnightToMidnight() {
    DayRange day = DayRange.of(LocalDate.of(2026, 12, 3), ZoneOffset.UTC);

    assertThat(day.startUtc()).isEqualTo(LocalDateTime.of(2026, 12, 3, 0, 0));
    assertThat(day.endUtc()).isEqualTo(LocalDateTime.of(2026, 12, 4, 0, 0));
  }

  @Test
  void aLocalDayIsShiftedByItsOffset() {
    DayRange day = DayRange.of(LocalDate.of(2026, 12, 3), NEW_YORK);

    assertThat(day.startUtc()).isEqualTo(LocalDateTime.of(2026, 12, 3, 5, 0));
    assertThat(day.endUtc()).isEqualTo(LocalDateTime.of(2026, 12, 4, 5, 0));
  }

  @Test
  void theSpringChangeDayHas23HoursAndTheAutumnOne25() {
    assertThat(DayRange.of(LocalDate.of(2026, 3, 8), NEW_YORK).length())
        .isEqualTo(Duration.ofHours(23));
    assertThat(DayRange.of(LocalDate.of(2026, 11, 1), NEW_YORK).length())
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void aDayWhoseMidnightDoesNotExistStartsAtItsFirstInstant() {
    // Santiago moves its clocks from 00:00 to 01:00 on 2026-09-06: the day starts at 01:00.
    DayRange day = DayRange.of(LocalDate.of(2026, 9, 6), ZoneId.of("America/Santiago"));

    assertThat(day.startUtc()).isEqualTo(LocalDateTime.of(2026, 9, 6, 4, 0));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
  }
}
