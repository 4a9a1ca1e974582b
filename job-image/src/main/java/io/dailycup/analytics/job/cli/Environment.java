package io.dailycup.analytics.job.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads settings from environment variables, where {@code NAME_FILE} names a file holding the value
 * (a mounted Secret) as an alternative to {@code NAME}. A file's content never appears in a
 * message.
 */
final class Environment {

  private final Map<String, String> variables;

  Environment(Map<String, String> variables) {
    this.variables = variables;
  }

  /** The value of {@code name} or of the file {@code name_FILE} names; empty when neither. */
  Optional<String> get(String name) {
    String direct = variables.get(name);
    String file = variables.get(name + "_FILE");
    if (direct != null && file != null) {
      throw new BadInputException("set either " + name + " or " + name + "_FILE, not both");
    }
    if (file != null) {
      return Optional.of(readFile(Path.of(file), name + "_FILE"));
    }
    return Optional.ofNullable(direct);
  }

  /** Reads a value from a file, without the line break that editors and Secrets often add. */
  static String readFile(Path file, String source) {
    try {
      return stripFinalLineBreak(Files.readString(file));
    } catch (IOException e) {
      throw new BadInputException(
          "%s names %s, which cannot be read (%s)"
              .formatted(source, file, e.getClass().getSimpleName()));
    }
  }

  private static String stripFinalLineBreak(String value) {
    if (value.endsWith("\r\n")) {
      return value.substring(0, value.length() - 2);
    }
    return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
  }
}
