package io.dailycup.analytics.job.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.dailycup.analytics.job.db.Database;
import io.dailycup.analytics.job.db.DatabaseUnavailableException;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.verify.Difference;
import io.dailycup.analytics.job.verify.Verifier;
import io.dailycup.analytics.job.verify.VerifyReport;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verify}: compares the summary with a fresh aggregate of the source. */
@Command(
    name = "verify",
    description =
        "Compare the last N days of the summary with a fresh aggregate of the source; exit 4 on"
            + " any difference.",
    sortOptions = false)
final class VerifyCommand implements Callable<Integer> {

  /** Enough to see what is wrong without flooding a cron mail. */
  private static final int LISTED_DIFFERENCES = 20;

  @Option(
      names = "--days",
      paramLabel = "N",
      required = true,
      description = "Check the last N local days, today included (1-3650).")
  int days;

  @Mixin DatabaseOptions databaseOptions = new DatabaseOptions();

  private final CliContext context;

  VerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Environment env = new Environment(context.env());
    try {
      RefreshCommand.checkDays("--days", days);
      ZoneId zone = databaseOptions.zone(env);
      RefreshTables tables = databaseOptions.tables(env);
      RefreshWindow window =
          RefreshWindow.lastDays(days, LocalDate.now(context.clock().withZone(zone)), zone);
      try (HikariDataSource pool =
          Database.open(databaseOptions.database(env), "analytics-verify")) {
        return print(new Verifier(pool, tables).verify(window), tables).code();
      }
    } catch (BadInputException e) {
      return fail(ExitCode.BAD_INPUT, e.getMessage());
    } catch (DatabaseUnavailableException e) {
      return fail(ExitCode.FAILED, e.getMessage());
    } catch (SQLException e) {
      return fail(ExitCode.FAILED, "database error: " + Database.rootMessage(e));
    }
  }

  private ExitCode print(VerifyReport report, RefreshTables tables) {
    String scope =
        "%s against %s, %d days (%s) in %s"
            .formatted(
                tables.summary(),
                tables.source(),
                report.window().dayCount(),
                report.window(),
                report.window().zone());
    if (report.matches()) {
      context.out().printf("verify: %s: all %d rows match%n", scope, report.matchingRows());
      return ExitCode.SUCCESS;
    }
    context
        .out()
        .printf(
            "verify: %s: %d rows match, %d differ%n",
            scope, report.matchingRows(), report.differences().size());
    report.differences().stream()
        .limit(LISTED_DIFFERENCES)
        .map(Difference::toString)
        .forEach(line -> context.out().println("  " + line));
    if (report.differences().size() > LISTED_DIFFERENCES) {
      context.out().printf("  ... and %d more%n", report.differences().size() - LISTED_DIFFERENCES);
    }
    return ExitCode.DIFFERENCES;
  }

  private int fail(ExitCode exitCode, String message) {
    context.err().println("analytics-refresh verify: " + message);
    return exitCode.code();
  }
}
