package io.dailycup.analytics.job.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefreshWindowTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void consecutiveDaysTileTheTimelineWithoutGapsOrOverlaps() {
    RefreshWindow year =
        new RefreshWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), NEW_YORK);

    var days = year.days();
    for (int i = 1; i < days.size(); i++) {
      assertThat(days.get(i).startUtc()).isEqualTo(days.get(i - 1).endUtc());
    }
    assertThat(days).hasSize(365);
    assertThat(year.utcStart()).isEqualTo(days.get(0).startUtc());
    assertThat(year.utcEnd()).isEqualTo(days.get(364).endUtc());
  }

  @Test
  void lastDaysEndsWithTodayAndCountsIt() {
    RefreshWindow window = RefreshWindow.lastDays(7, LocalDate.of(2026, 12, 3), ZoneOffset.UTC);

    assertThat(window.first()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(window.last()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(window.dayCount()).isEqualTo(7);
  }

  @Test
  void chunksAreConsecutiveWholeDaysCoveringTheWindow() {
    RefreshWindow window =
        new RefreshWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 12), ZoneOffset.UTC);

    assertThat(window.chunks(5))
        .extracting(RefreshWindow::toString)
        .containsExactly(
            "2026-01-01..2026-01-05", "2026-01-06..2026-01-10", "2026-01-11..2026-01-12");
  }

  @Test
  void aWindowEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(
            () ->
                new RefreshWindow(
                    LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before its first day");
  }
}
