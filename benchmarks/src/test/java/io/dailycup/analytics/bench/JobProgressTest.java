package io.dailycup.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dailycup.analytics.bench.ProcessOutput.Line;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobProgressTest {

  @Test
  void cutsARunAtItsLockPlanAndLastStepLines() {
    List<Line> lines =
        List.of(
            new Line(1_000, "[   0.0s] holding the lock refresh:db.summary"),
            new Line(
                1_300, "[   0.3s] Incremental refresh of summary: 7 days 2026-11-27..2026-12-03"),
            new Line(
                1_500, "[   0.5s] day 1/7 2026-11-27 (24h): 53 rows, 3721 messages; 1 messages/s"),
            new Line(1_900, "[   0.9s] committed 2026-11-27..2026-12-03"),
            new Line(2_100, "Succeeded: Incremental refresh of summary: 7 days in 0.9s"));

    JobProgress progress = JobProgress.of(lines);

    assertThat(progress.toLock(400)).isEqualTo(Duration.ofNanos(600));
    assertThat(progress.preparation()).isEqualTo(Duration.ofNanos(300));
    assertThat(progress.refresh()).isEqualTo(Duration.ofNanos(600));
  }

  @Test
  void refusesOutputWithoutThePlanLine() {
    List<Line> lines =
        List.of(
            new Line(1_000, "[   0.0s] holding the lock refresh:db.summary"),
            new Line(2_100, "Succeeded: Full refresh of summary: no days"));

    assertThatThrownBy(() -> JobProgress.of(lines)).isInstanceOf(IllegalStateException.class);
  }
}
