package io.dailycup.analytics.bench;

import io.dailycup.analytics.bench.ProcessOutput.Line;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The phases of a job run, read from when its progress lines arrived: "[ 0.1s] holding the lock
 * ...", then the plan line "[ 0.1s] Incremental refresh of ...: 7 days ...", the days, and last
 * "Succeeded: ...".
 */
record JobProgress(long lockNanos, long planNanos, long lastStepNanos) {

  private static final Pattern PLAN_LINE = Pattern.compile("^\\[\\s*[\\d.]+s] \\w+ refresh of ");

  /**
   * @throws IllegalStateException when the output lacks a phase's line
   */
  static JobProgress of(List<Line> lines) {
    int lock = indexOf(lines, 0, line -> line.contains("holding the lock"));
    int plan = indexOf(lines, lock, line -> PLAN_LINE.matcher(line).find());
    int succeeded = indexOf(lines, plan, line -> line.startsWith("Succeeded:"));
    return new JobProgress(
        lines.get(lock).nanos(), lines.get(plan).nanos(), lines.get(succeeded - 1).nanos());
  }

  Duration toLock(long startedNanos) {
    return Duration.ofNanos(lockNanos - startedNanos);
  }

  Duration preparation() {
    return Duration.ofNanos(planNanos - lockNanos);
  }

  Duration refresh() {
    return Duration.ofNanos(lastStepNanos - planNanos);
  }

  private static int indexOf(List<Line> lines, int from, Predicate<String> matches) {
    for (int i = from; i < lines.size(); i++) {
      if (matches.test(lines.get(i).text())) {
        return i;
      }
    }
    throw new IllegalStateException("the job's output lacks a progress line it always prints");
  }
}
