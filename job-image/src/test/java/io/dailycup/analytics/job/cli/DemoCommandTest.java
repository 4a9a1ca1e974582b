package io.dailycup.analytics.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.testing.CliRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command works and shows each guarantee it promises. */
class DemoCommandTest {

  @Test
  void theDemoRunsEveryStepOnAnEmbeddedMariaDb() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-10T18:00:00Z"), ZoneOffset.UTC);

    CliRun run = CliRun.run(Map.of(), clock, "demo", "--days", "14", "--messages-per-day", "200");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("=> Succeeded: Full refresh of analytics_integration_messages_daily_mat: 14 days")
        .contains("swapped the rebuilt summary in (attempt 1)")
        .containsPattern("=> verify 2026-11-04\\.\\.2026-11-10: \\d+ rows match, \\d+ differ")
        .contains("=> Succeeded: Incremental refresh")
        .contains("=> verify 2026-10-28..2026-11-10: all")
        .contains("=> Skipped: another refresh")
        .contains("2026-11-01     25")
        .contains("<- clocks changed");
  }
}
