package io.dailycup.analytics.bench;

import java.time.Duration;

/**
 * One job run, the bare aggregate over the same days run right after it, and the job's code run
 * over them once more in the benchmark's warm JVM.
 */
record Measured(JobRun job, Duration bare, Duration inProcess) {

  /** The refresh's time over the database's own time for the same aggregate. */
  double ratio() {
    return (double) job.refresh().toNanos() / bare.toNanos();
  }

  /** The same for the job's code in a warm JVM. */
  double inProcessRatio() {
    return (double) inProcess.toNanos() / bare.toNanos();
  }
}
