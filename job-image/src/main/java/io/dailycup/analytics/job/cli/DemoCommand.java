package io.dailycup.analytics.job.cli;

import io.dailycup.analytics.job.demo.Demo;
import io.dailycup.analytics.job.demo.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the refresh end to end on an embedded MariaDB with sample data. */
@Command(
    name = "demo",
    description =
        "Start an embedded MariaDB, generate sample messages, run a full and an incremental"
            + " refresh, and print what happened. Needs nothing but Java.",
    sortOptions = false)
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Days of sample history (default ${DEFAULT-VALUE}).")
  int days = 45;

  @Option(
      names = "--messages-per-day",
      paramLabel = "N",
      description = "Average messages per weekday (default ${DEFAULT-VALUE}).")
  int messagesPerDay = 4_000;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "Zone of the summary's days (default ${DEFAULT-VALUE}).")
  String timeZone = "America/New_York";

  @Option(names = "--seed", description = "Seed of the sample data (default ${DEFAULT-VALUE}).")
  long seed = 20261203L;

  private final CliContext context;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (!EmbeddedMariaDb.available()) {
      context
          .err()
          .println(
              "analytics-refresh demo: this build has no embedded MariaDB (the container image"
                  + " leaves it out); run the demo from job-image/target/analytics-refresh.jar");
      return ExitCode.FAILED.code();
    }
    Demo.Options options;
    try {
      RefreshCommand.checkDays("--days", days);
      if (messagesPerDay < 1 || messagesPerDay > 1_000_000) {
        throw new BadInputException("--messages-per-day must be between 1 and 1000000");
      }
      options = new Demo.Options(days, messagesPerDay, ZoneId.of(timeZone), seed);
    } catch (BadInputException | DateTimeException e) {
      context.err().println("analytics-refresh demo: " + e.getMessage());
      return ExitCode.BAD_INPUT.code();
    }
    Path work = Files.createTempDirectory("analytics-refresh-demo");
    try {
      new Demo(context.out(), context.clock(), new ConsoleProgress(context.out(), context.clock()))
          .run(options, work);
      return ExitCode.SUCCESS.code();
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
