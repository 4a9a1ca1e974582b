package io.dailycup.analytics.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LongestIntervalsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final LongestIntervals intervals = new LongestIntervals();

  @Test
  void answersWhatTheScheduleComputes() {
    Schedule weekdays = Schedule.parse("0 3 * * 1-5", UTC);

    assertThat(intervals.of(weekdays, NOW))
        .isEqualTo(weekdays.longestInterval(NOW))
        .isEqualTo(Duration.ofDays(3));
  }

  @Test
  void keepsSchedulesApart() {
    intervals.of(Schedule.parse("0 3 * * 1-5", UTC), NOW);

    assertThat(intervals.of(Schedule.parse("*/10 * * * *", UTC), NOW))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void keepsZonesApartWhereTheyDiffer() {
    // 02:30 does not exist on the spring-forward day in Amsterdam: that gap is 48 hours there.
    Instant beforeSpring = Instant.parse("2027-03-20T00:00:00Z");
    Schedule utc = Schedule.parse("30 2 * * *", UTC);
    Schedule amsterdam = Schedule.parse("30 2 * * *", ZoneId.of("Europe/Amsterdam"));

    Duration inUtc = intervals.of(utc, beforeSpring);

    assertThat(intervals.of(amsterdam, beforeSpring))
        .isEqualTo(amsterdam.longestInterval(beforeSpring))
        .isNotEqualTo(inUtc);
  }
}
