package io.dailycup.analytics.job.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dailycup.analytics.job.refresh.RefreshResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one-line JSON result of a refresh, written to the file Kubernetes reads as the container's
 * termination message, where the operator picks it up.
 */
final class TerminationMessage {

  /** Where Kubernetes looks unless the pod says otherwise. */
  static final Path KUBERNETES_DEFAULT = Path.of("/dev/termination-log");

  /**
   * Kubernetes keeps at most 4096 bytes; the message field is cut to stay well inside even when
   * JSON escaping doubles some of it.
   */
  private static final int MAX_MESSAGE_BYTES = 1500;

  private static final JsonFactory JSON = new JsonFactory();

  private TerminationMessage() {}

  /**
   * The file to write: the flag, else {@code TERMINATION_MESSAGE_PATH}, else Kubernetes' default
   * when it is writable (so a run on a laptop or under cron writes nothing).
   */
  static Optional<Path> path(Path flag, Environment env) {
    if (flag != null) {
      return Optional.of(flag);
    }
    Optional<String> fromEnv = env.get("TERMINATION_MESSAGE_PATH");
    if (fromEnv.isPresent()) {
      return fromEnv.map(Path::of);
    }
    return Files.isWritable(KUBERNETES_DEFAULT)
        ? Optional.of(KUBERNETES_DEFAULT)
        : Optional.empty();
  }

  static String json(RefreshResult result, ExitCode exitCode, ZoneId zone) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("result", result.outcome().displayName());
      json.writeNumberField("exitCode", exitCode.code());
      if (result.mode() != null) {
        json.writeStringField("mode", result.mode().displayName());
      }
      if (result.firstDay() != null) {
        json.writeStringField("firstDay", result.firstDay().toString());
        json.writeStringField("lastDay", result.lastDay().toString());
      }
      json.writeNumberField("days", result.days());
      if (zone != null) {
        json.writeStringField("timeZone", zone.getId());
      }
      json.writeNumberField("rowsWritten", result.rowsWritten());
      json.writeNumberField("messages", result.messages());
      json.writeNumberField("durationSeconds", result.duration().toMillis() / 1000.0);
      json.writeBooleanField("dryRun", result.dryRun());
      json.writeStringField("message", shorten(result.message()));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes the result; a file that cannot be written costs a warning, not the run. */
  static void write(Path path, String json, PrintStream err) {
    try {
      Files.writeString(path, json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(
          "analytics-refresh: warning: cannot write the result to %s (%s)"
              .formatted(path, e.getClass().getSimpleName()));
    }
  }

  /** One line of at most {@link #MAX_MESSAGE_BYTES} in UTF-8, cut between characters. */
  static String shorten(String message) {
    String oneLine = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    if (oneLine.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
      return oneLine;
    }
    int bytes = 0;
    int end = 0;
    while (end < oneLine.length()) {
      int codePoint = oneLine.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_MESSAGE_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return oneLine.substring(0, end) + "...";
  }
}
