package io.dailycup.analytics.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void theNextRunIsComputedInTheResourcesZone() {
    Schedule nightly = Schedule.parse("0 3 * * *", AMSTERDAM);

    assertThat(nightly.nextAfter(Instant.parse("2026-12-03T12:00:00Z")))
        .contains(Instant.parse("2026-12-04T02:00:00Z"));
    assertThat(nightly.nextAfter(Instant.parse("2026-07-03T12:00:00Z")))
        .contains(Instant.parse("2026-07-04T01:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({"@daily,0 0 * * *", "@hourly,0 * * * *", "@weekly,0 0 * * 0", "@MONTHLY,0 0 1 * *"})
  void macrosMeanWhatTheCronJobControllerMeans(String macro, String fields) {
    Instant now = Instant.parse("2026-12-03T12:34:00Z");

    assertThat(Schedule.parse(macro, AMSTERDAM).nextAfter(now))
        .isEqualTo(Schedule.parse(fields, AMSTERDAM).nextAfter(now));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 25 * * *",
        "0 3 * *",
        "0 0 3 * * *",
        "@fortnightly",
        "TZ=UTC 0 3 * * *",
        "",
        "every day"
      })
  void rejectsWhatTheCronJobControllerWouldReject(String expression) {
    assertThatThrownBy(() -> Schedule.parse(expression, AMSTERDAM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLongestIntervalOfAWeekdayScheduleIsTheWeekendOfTheAutumnClockChange() {
    Schedule weekdays = Schedule.parse("0 6 * * 1-5", AMSTERDAM);

    assertThat(weekdays.longestInterval(Instant.parse("2026-12-03T00:00:00Z")))
        .isEqualTo(Duration.ofHours(73));
  }

  @Test
  void theLongestIntervalOfADailyScheduleIsADayGivenOrTakenTheClockChange() {
    Schedule daily = Schedule.parse("0 3 * * *", AMSTERDAM);

    assertThat(daily.longestInterval(Instant.parse("2026-12-03T00:00:00Z")))
        .isEqualTo(Duration.ofHours(25));
  }
}
