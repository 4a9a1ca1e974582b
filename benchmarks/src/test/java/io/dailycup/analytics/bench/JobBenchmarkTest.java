package io.dailycup.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark runs end to end at a tiny size and writes its report and plots. Nothing here checks
 * a time: the figures are for people to read, on a machine they know.
 */
class JobBenchmarkTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void writesTheFiguresAgainstTheTargetsAndBothPlots(@TempDir Path out) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int exitCode =
        JobBenchmark.run(
            arguments(out),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(exitCode).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    String report = Files.readString(out.resolve(Report.FILE));
    assertThat(report)
        .contains("## Targets", "| Target | Measured | Met |")
        .contains("full refresh within 1.3× the bare SELECT")
        .contains("7-day incremental within 1.5× the bare SELECT")
        .contains("no empty, missing-day or partial-day read")
        .contains("the job's heap under 128 MB", "process overhead")
        .contains("| 20k | 30-day backfill |")
        .contains("| 20k | TRUNCATE and repopulate (the old scripts) |")
        .contains("The job's INSERT … SELECT:")
        .contains("## Start-up by JVM options")
        .contains("| 20k | the image's, without class archive and compiler limit |")
        .contains("| 20k | the image's, without compiler limit |", "| 20k | the image's |")
        .contains("image's JVM options, -XX:SharedArchiveFile=analytics-refresh.jsa")
        .contains("-Xmx128m");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains(report);
    assertThat(Files.readAllBytes(out.resolve(Charts.REFRESH_TIME))).startsWith(PNG_SIGNATURE);
    assertThat(Files.readAllBytes(out.resolve(Charts.READER_VIEW))).startsWith(PNG_SIGNATURE);
  }

  /** The smallest run that still measures everything, on DB_URL's server when one is set. */
  private static String[] arguments(Path out) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--rows",
                "20000",
                "--repeats",
                "1",
                "--warm-up-rounds",
                "0",
                "--out",
                out.toString(),
                "--job-jar",
                System.getProperty("job.jar"),
                "--work-dir",
                Path.of("target", "mariadb").toString(),
                "--job-image-dir",
                Path.of("..", "job-image").toString()));
    if (System.getenv("DB_URL") != null) {
      arguments.addAll(List.of("--db-url", System.getenv("DB_URL")));
    }
    return arguments.toArray(String[]::new);
  }
}
