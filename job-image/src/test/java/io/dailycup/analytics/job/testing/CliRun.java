package io.dailycup.analytics.job.testing;

import io.dailycup.analytics.job.cli.AnalyticsRefreshCli;
import io.dailycup.analytics.job.cli.CliContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** One in-process run of the CLI with its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Map<String, String> env, Clock clock, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = AnalyticsRefreshCli.run(args, new CliContext(env, outStream, errStream, clock));
    }
    return new CliRun(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
