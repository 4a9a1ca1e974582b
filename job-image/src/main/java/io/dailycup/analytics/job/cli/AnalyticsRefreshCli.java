package io.dailycup.analytics.job.cli;

import io.dailycup.analytics.job.refresh.RefreshResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code analytics-refresh}: the refresh job's command line and its composition root. */
@Command(
    name = "analytics-refresh",
    mixinStandardHelpOptions = true,
    version = "analytics-refresh 0.1.0",
    description = "Keeps the daily summary of integration_messages fresh.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failed (database error or unreachable, a check refused the result)",
      "2:bad input (flags, environment); nothing was touched",
      "3:skipped: another refresh of the table holds its lock",
      "4:verify found differences"
    })
public final class AnalyticsRefreshCli implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, CliContext.ofProcess()));
  }

  /** Runs one command line; returns the exit code. */
  public static int run(String[] args, CliContext context) {
    CommandLine commandLine =
        new CommandLine(new AnalyticsRefreshCli())
            .addSubcommand(new RefreshCommand(context))
            .addSubcommand(new VerifyCommand(context))
            .addSubcommand(new DemoCommand(context))
            .setOut(new PrintWriter(context.out(), true))
            .setErr(new PrintWriter(context.err(), true))
            .setParameterExceptionHandler((failure, rejectedArgs) -> badInput(failure, context))
            .setExecutionExceptionHandler((failure, failed, parsed) -> unexpected(failure, failed));
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a command is required: refresh, verify or demo");
  }

  /** A wrong command line: one line naming the problem, and where help is. */
  private static int badInput(ParameterException failure, CliContext context) {
    CommandLine command = failure.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String message = describe(failure);
    command.getErr().printf("%s: %s (see %s --help)%n", name, message, name);
    if (command.getCommand() instanceof RefreshCommand) {
      RefreshCommand.writeResult(
          null,
          RefreshResult.failed(null, Duration.ZERO, message),
          ExitCode.BAD_INPUT,
          null,
          new Environment(context.env()),
          context);
    }
    return ExitCode.BAD_INPUT.code();
  }

  /**
   * The problem in words. For unknown options only their names are repeated: the word after a
   * mistyped option may be its value, and that value may be a password.
   */
  private static String describe(ParameterException failure) {
    if (failure instanceof UnmatchedArgumentException unmatched) {
      List<String> options =
          unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-")).toList();
      if (options.isEmpty()) {
        return "unknown command or argument '" + unmatched.getUnmatched().get(0) + "'";
      }
      return "unknown option "
          + String.join(
              ", ", options.stream().map(o -> "'" + o.replaceAll("=.*", "") + "'").toList());
    }
    return failure.getMessage();
  }

  private static int unexpected(Exception failure, CommandLine command) {
    command
        .getErr()
        .printf(
            "%s: unexpected failure: %s%n",
            command.getCommandSpec().qualifiedName(),
            failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage());
    return ExitCode.FAILED.code();
  }
}
