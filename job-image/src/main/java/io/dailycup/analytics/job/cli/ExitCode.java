package io.dailycup.analytics.job.cli;

/** The process exit codes, a contract with cron wrappers and the operator. */
public enum ExitCode {
  /** The command did what it was asked. */
  SUCCESS(0),
  /** It could not: the database failed or was unreachable, or a check refused the result. */
  FAILED(1),
  /** The command line or the environment was wrong; nothing was touched. */
  BAD_INPUT(2),
  /** Another refresh of the same table held the lock; this run wrote nothing. */
  SKIPPED(3),
  /** {@code verify} found the summary differing from the source. */
  DIFFERENCES(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
