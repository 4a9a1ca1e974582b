package io.dailycup.analytics.job.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What a command gets from the process: environment, output streams and the clock. */
public record CliContext(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {

  public CliContext {
    env = Map.copyOf(env);
  }

  public static CliContext ofProcess() {
    return new CliContext(System.getenv(), System.out, System.err, Clock.systemUTC());
  }
}
