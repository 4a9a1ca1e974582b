package io.dailycup.analytics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dailycup.analytics.bench.ProcessOutput.Line;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the refresh job's standalone jar, the one the container image ships, as a child process, the
 * way cron or Kubernetes start it, so that starting, connecting, locking and memory are real. The
 * heap is capped at the benchmark's limit: a run that needs more fails instead of growing.
 */
final class JobProcess {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path jar;
  private final JobJvm jvm;
  private final Path scratch;

  JobProcess(Path jar, JobJvm jvm, Path scratch) {
    this.jar = jar;
    this.jvm = jvm;
    this.scratch = scratch;
  }

  /** The same job, with other JVM options. */
  JobProcess with(JobJvm otherJvm) {
    return new JobProcess(jar, otherJvm, scratch);
  }

  /**
   * Runs {@code analytics-refresh refresh ARGUMENTS} against the database of {@code env} ({@code
   * DB_URL}, {@code DB_USERNAME}, {@code DB_PASSWORD}) and measures it.
   *
   * @throws IllegalStateException when the job does not succeed
   */
  JobRun refresh(Map<String, String> env, List<String> arguments)
      throws IOException, InterruptedException {
    Path gcLog = scratchFile("gc.log");
    Path result = scratchFile("result.json");
    List<String> command = command(gcLog);
    command.add("refresh");
    command.addAll(arguments);
    command.addAll(List.of("--time-zone", "UTC", "--termination-message-path", result.toString()));

    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    ProcessOutput out = ProcessOutput.follow(process.getInputStream(), "job-out");
    ProcessOutput err = ProcessOutput.follow(process.getErrorStream(), "job-err");
    long peakResident;
    int exitCode;
    try (ResidentMemory memory = ResidentMemory.watch(process.pid())) {
      exitCode = process.waitFor();
      peakResident = memory.peakBytes();
    }
    long exited = System.nanoTime();
    List<Line> lines = out.lines();
    if (exitCode != 0) {
      throw new IllegalStateException(
          "the job failed (exit %d) for %s:%n%s%n%s"
              .formatted(exitCode, arguments, text(lines), text(err.lines())));
    }
    JobProgress progress = JobProgress.of(lines);
    JsonNode outcome = JSON.readTree(result.toFile());
    GcLog heap = GcLog.read(gcLog);
    Files.delete(gcLog);
    Files.delete(result);
    return new JobRun(
        Duration.ofNanos(exited - started),
        progress.toLock(started),
        progress.preparation(),
        progress.refresh(),
        Duration.ofMillis(Math.round(outcome.get("durationSeconds").asDouble() * 1000)),
        heap.peakUsedBytes(),
        peakResident,
        days(outcome));
  }

  /**
   * The time to start the JVM and the command line and exit again, without a database: {@code
   * analytics-refresh --version}.
   */
  Duration startAndExit() throws IOException, InterruptedException {
    Path gcLog = scratchFile("gc.log");
    List<String> command = command(gcLog);
    command.add("--version");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    int exitCode = process.waitFor();
    long exited = System.nanoTime();
    Files.delete(gcLog);
    if (exitCode != 0) {
      throw new IllegalStateException("analytics-refresh --version exited with " + exitCode);
    }
    return Duration.ofNanos(exited - started);
  }

  /** The JVM with this process's options and its heap use logged. */
  private List<String> command(Path gcLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm.options());
    command.add(GcLog.option(gcLog));
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /** A name for a file the next run writes; the runs are sequential, so one name each. */
  private Path scratchFile(String name) throws IOException {
    Files.deleteIfExists(scratch.resolve(name));
    return scratch.resolve(name);
  }

  private static String text(List<Line> lines) {
    return String.join("\n", lines.stream().map(Line::text).toList());
  }

  private static RefreshWindow days(JsonNode outcome) {
    return new RefreshWindow(
        LocalDate.parse(outcome.get("firstDay").asText()),
        LocalDate.parse(outcome.get("lastDay").asText()),
        SourceData.ZONE);
  }
}
