package io.dailycup.analytics.e2e.node;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Pod's container as a local process, with its output and termination message in files. */
final class LocalContainer {

  /** What the kubelet keeps of a termination message. */
  private static final int MAX_MESSAGE_BYTES = 4096;

  /** What FallbackToLogsOnError takes from the log: its last 80 lines, at most 2048 bytes. */
  private static final int LOG_TAIL_LINES = 80;

  private static final int LOG_TAIL_BYTES = 2048;

  private final Process process;
  private final Path log;
  private final Path terminationLog;

  private LocalContainer(Process process, Path log, Path terminationLog) {
    this.process = process;
    this.log = log;
    this.terminationLog = terminationLog;
  }

  static LocalContainer start(
      List<String> command, Map<String, String> variables, Path log, Path terminationLog)
      throws IOException {
    Files.deleteIfExists(terminationLog);
    Files.createFile(terminationLog);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    // A container sees only its own environment, not the test JVM's.
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(variables);
    builder.environment().put("TERMINATION_MESSAGE_PATH", terminationLog.toString());
    return new LocalContainer(builder.start(), log, terminationLog);
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  void kill() {
    process.destroy();
  }

  /** Stops the process as {@link #kill()} does and waits for it, forcing it after {@code grace}. */
  void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The message file, or the log's tail when the policy says so and the file is empty. */
  String terminationMessage(Container container, int exitCode) throws IOException {
    String message =
        limit(Files.readString(terminationLog, StandardCharsets.UTF_8), MAX_MESSAGE_BYTES);
    if (message.isEmpty()
        && exitCode != 0
        && "FallbackToLogsOnError".equals(container.getTerminationMessagePolicy())) {
      return logTail();
    }
    return message;
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String tail =
        String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    byte[] bytes = tail.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= LOG_TAIL_BYTES
        ? tail
        : new String(bytes, bytes.length - LOG_TAIL_BYTES, LOG_TAIL_BYTES, StandardCharsets.UTF_8);
  }

  private static String limit(String text, int bytes) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    return encoded.length <= bytes ? text : new String(encoded, 0, bytes, StandardCharsets.UTF_8);
  }
}
