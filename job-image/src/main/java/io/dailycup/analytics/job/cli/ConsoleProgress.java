package io.dailycup.analytics.job.cli;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.Progress;
import io.dailycup.analytics.job.refresh.RefreshMode;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.refresh.Totals;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress as lines on standard output: one per day written and per step, with the rate of the
 * current run. Times are counted from the start of the command.
 */
final class ConsoleProgress implements Progress {

  private final PrintStream out;
  private final Clock clock;
  private final Instant started;
  private Instant runStarted;
  private int plannedDays;
  private int daysDone;
  private long messagesDone;

  ConsoleProgress(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.started = clock.instant();
    this.runStarted = started;
  }

  @Override
  public void planned(RefreshMode mode, RefreshWindow window, String target) {
    runStarted = clock.instant();
    plannedDays = window == null ? 0 : window.dayCount();
    daysDone = 0;
    messagesDone = 0;
    String days =
        window == null ? "no days" : plannedDays + " days " + window + " in " + window.zone();
    line("%s refresh of %s: %s".formatted(mode.displayName(), target, days));
  }

  @Override
  public void dayWritten(DayRange day, Totals written) {
    daysDone++;
    messagesDone += written.messages();
    line(
        "day %d/%d %s (%dh): %d rows, %d messages; %d messages/s"
            .formatted(
                daysDone,
                plannedDays,
                day.day(),
                day.length().toHours(),
                written.rows(),
                written.messages(),
                rate()));
  }

  @Override
  public void step(String description) {
    line(description);
  }

  private long rate() {
    long millis = Math.max(1, Duration.between(runStarted, clock.instant()).toMillis());
    return messagesDone * 1000 / millis;
  }

  private void line(String text) {
    long millis = Duration.between(started, clock.instant()).toMillis();
    out.printf("[%6.1fs] %s%n", millis / 1000.0, text);
    out.flush();
  }
}
