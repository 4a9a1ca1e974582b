package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.refresh.RefreshWindow;
import java.time.Duration;

/**
 * One run of the job as a process, cut into phases by the arrival of its progress lines.
 *
 * @param wall from starting the process to its exit
 * @param toLock from starting the process to its "holding the lock" line: starting the JVM,
 *     connecting, taking the lock
 * @param preparation from there to its plan line: a second connection from the pool, creating the
 *     summary if it is missing, and for a full refresh finding the source's first and last day
 * @param refresh from the plan line to the last progress line: the statements that rebuild the days
 *     (and for a full refresh the checks and the swap); this is what the bare SELECT is compared
 *     with
 * @param reported the run's duration as the job reports it in its JSON result, from taking the lock
 *     to its last statement
 * @param peakHeapBytes the most heap in use at any time, from the GC log
 * @param peakResidentBytes the process's peak resident memory (VmHWM)
 * @param days the local days it rebuilt
 */
record JobRun(
    Duration wall,
    Duration toLock,
    Duration preparation,
    Duration refresh,
    Duration reported,
    long peakHeapBytes,
    long peakResidentBytes,
    RefreshWindow days) {

  /** Starting the JVM, connecting and taking the lock: all before the first refresh statement. */
  Duration startup() {
    return toLock.plus(preparation);
  }

  /** Everything the process costs beyond the refresh's statements, its exit included. */
  Duration overhead() {
    return wall.minus(refresh);
  }

  /**
   * From the last progress line to the process's exit: dropping the replaced table after a swap,
   * closing the pool, writing the result, stopping the JVM.
   */
  Duration finish() {
    return wall.minus(toLock).minus(preparation).minus(refresh);
  }
}
