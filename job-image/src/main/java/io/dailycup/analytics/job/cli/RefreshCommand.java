package io.dailycup.analytics.job.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.dailycup.analytics.job.db.Database;
import io.dailycup.analytics.job.db.DatabaseUnavailableException;
import io.dailycup.analytics.job.refresh.RefreshFailedException;
import io.dailycup.analytics.job.refresh.RefreshMode;
import io.dailycup.analytics.job.refresh.RefreshRequest;
import io.dailycup.analytics.job.refresh.RefreshResult;
import io.dailycup.analytics.job.refresh.RefreshSettings;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.refresh.Refresher;
import io.dailycup.analytics.job.sql.SchemaScript;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code refresh}: rebuilds days of the summary, or all of it. */
@Command(
    name = "refresh",
    description = "Rebuild the last N days, a date range, or the whole summary table.",
    sortOptions = false)
final class RefreshCommand implements Callable<Integer> {

  static final int MAX_DAYS = 3650;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Rebuild the last N local days, today included (1-3650).")
  Integer days;

  @Option(
      names = "--full",
      description = "Rebuild the whole table beside the live one and swap it in.")
  boolean full;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day of a backfill, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of a backfill, included.")
  String to;

  @Option(names = "--dry-run", description = "Print the plan and row counts; write nothing.")
  boolean dryRun;

  @Option(
      names = "--chunk-days",
      paramLabel = "N",
      description = "Most days per transaction (default ${DEFAULT-VALUE}).")
  int chunkDays = RefreshSettings.DEFAULT_CHUNK_DAYS;

  @Option(
      names = "--max-shrink-percent",
      paramLabel = "P",
      description =
          "Refuse a full rebuild counting over P%% fewer messages than the live table"
              + " (default ${DEFAULT-VALUE}; 100 accepts any).")
  int maxShrinkPercent = RefreshSettings.DEFAULT_MAX_SHRINK_PERCENT;

  @Option(
      names = "--lock-wait-seconds",
      paramLabel = "S",
      description =
          "How long the swap of --full waits for readers, per attempt (default ${DEFAULT-VALUE}).")
  int lockWaitSeconds = (int) RefreshSettings.DEFAULT_RENAME_LOCK_WAIT.toSeconds();

  @Option(
      names = "--swap-attempts",
      paramLabel = "N",
      description = "How often --full tries the swap before failing (default ${DEFAULT-VALUE}).")
  int swapAttempts = RefreshSettings.DEFAULT_RENAME_ATTEMPTS;

  @Option(
      names = "--termination-message-path",
      paramLabel = "FILE",
      description =
          "Where to write the JSON result (env TERMINATION_MESSAGE_PATH; default"
              + " /dev/termination-log when writable).")
  Path terminationMessagePath;

  @Mixin DatabaseOptions databaseOptions = new DatabaseOptions();

  private final CliContext context;

  RefreshCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Environment env = new Environment(context.env());
    Instant started = context.clock().instant();
    ZoneId zone = null;
    RefreshMode mode = null;
    RefreshResult result;
    ExitCode exitCode;
    try {
      zone = databaseOptions.zone(env);
      RefreshRequest request = request(zone);
      mode = request.mode();
      result = run(request, zone, env);
      exitCode = exitCodeOf(result);
    } catch (BadInputException e) {
      result = RefreshResult.failed(mode, since(started), e.getMessage());
      exitCode = ExitCode.BAD_INPUT;
    } catch (DatabaseUnavailableException | RefreshFailedException e) {
      result = RefreshResult.failed(mode, since(started), e.getMessage());
      exitCode = ExitCode.FAILED;
    } catch (SQLException e) {
      result =
          RefreshResult.failed(mode, since(started), "database error: " + Database.rootMessage(e));
      exitCode = ExitCode.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = RefreshResult.failed(mode, since(started), "interrupted");
      exitCode = ExitCode.FAILED;
    } catch (RuntimeException e) {
      // Still a result for the operator to read; the message names the failure's type.
      result = RefreshResult.failed(mode, since(started), "unexpected failure: " + e);
      exitCode = ExitCode.FAILED;
    }
    report(result, exitCode, zone, env);
    return exitCode.code();
  }

  private RefreshResult run(RefreshRequest request, ZoneId zone, Environment env)
      throws SQLException, InterruptedException {
    RefreshTables tables = databaseOptions.tables(env);
    RefreshSettings settings = settings(zone);
    try (HikariDataSource pool =
        Database.open(databaseOptions.database(env), "analytics-refresh")) {
      Refresher refresher =
          new Refresher(
              pool,
              tables,
              settings,
              SchemaScript.load(),
              context.clock(),
              new ConsoleProgress(context.out(), context.clock()));
      return refresher.run(request);
    }
  }

  /** Exactly one of --days, --full, or --from with --to. */
  RefreshRequest request(ZoneId zone) {
    int chosen = (days != null ? 1 : 0) + (full ? 1 : 0) + (from != null || to != null ? 1 : 0);
    if (chosen != 1) {
      throw new BadInputException(
          "choose exactly one of --days N, --full, or --from DATE --to DATE");
    }
    if (full) {
      return RefreshRequest.full(dryRun);
    }
    if (days != null) {
      checkDays("--days", days);
      LocalDate today = LocalDate.now(context.clock().withZone(zone));
      return RefreshRequest.window(
          RefreshMode.INCREMENTAL, RefreshWindow.lastDays(days, today, zone), dryRun);
    }
    return RefreshRequest.window(RefreshMode.BACKFILL, backfillWindow(zone), dryRun);
  }

  private RefreshWindow backfillWindow(ZoneId zone) {
    if (from == null || to == null) {
      throw new BadInputException("a backfill needs both --from DATE and --to DATE");
    }
    LocalDate first = date("--from", from);
    LocalDate last = date("--to", to);
    if (last.isBefore(first)) {
      throw new BadInputException("--from %s is after --to %s".formatted(first, last));
    }
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    checkDays("--from..--to", span);
    return new RefreshWindow(first, last, zone);
  }

  private RefreshSettings settings(ZoneId zone) {
    try {
      return new RefreshSettings(
          zone, chunkDays, Duration.ofSeconds(lockWaitSeconds), swapAttempts, maxShrinkPercent);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private void report(RefreshResult result, ExitCode exitCode, ZoneId zone, Environment env) {
    String line = result.outcome().displayName() + ": " + result.message();
    if (exitCode == ExitCode.SUCCESS) {
      context.out().printf("%s in %.1fs%n", line, result.duration().toMillis() / 1000.0);
    } else {
      context.err().println("analytics-refresh refresh: " + line);
    }
    writeResult(terminationMessagePath, result, exitCode, zone, env, context);
  }

  /**
   * Writes the JSON result where the operator reads it. Also used for a command line that picocli
   * rejected before this command ran, so that such a Job still explains itself.
   */
  static void writeResult(
      Path flag,
      RefreshResult result,
      ExitCode exitCode,
      ZoneId zone,
      Environment env,
      CliContext context) {
    try {
      TerminationMessage.path(flag, env)
          .ifPresent(
              path ->
                  TerminationMessage.write(
                      path, TerminationMessage.json(result, exitCode, zone), context.err()));
    } catch (BadInputException e) {
      context.err().println("analytics-refresh refresh: warning: " + e.getMessage());
    }
  }

  private static ExitCode exitCodeOf(RefreshResult result) {
    return switch (result.outcome()) {
      case SUCCEEDED -> ExitCode.SUCCESS;
      case SKIPPED -> ExitCode.SKIPPED;
      case FAILED -> ExitCode.FAILED;
    };
  }

  static void checkDays(String what, long count) {
    if (count < 1 || count > MAX_DAYS) {
      throw new BadInputException(
          "%s must cover between 1 and %d days, got %d".formatted(what, MAX_DAYS, count));
    }
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "%s must be a date such as 2026-11-30, got '%s'"
              .formatted(option, value.replaceAll("\\p{Cntrl}", "?")));
    }
  }

  private Duration since(Instant started) {
    return Duration.between(started, context.clock().instant());
  }
}
