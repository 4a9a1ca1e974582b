package io.dailycup.analytics.e2e.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kubectl binary of the control plane, as a cluster administrator would run it. */
public final class Kubectl {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;
  private final Path kubeconfig;

  Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** What a command printed (stdout and stderr together) and its exit code. */
  public record Result(int exitCode, String output) {}

  public Result run(String... arguments) throws IOException, InterruptedException {
    return runWithInput(null, arguments);
  }

  /** Runs kubectl with {@code input} on its standard input (for {@code apply -f -}). */
  public Result runWithInput(String input, String... arguments)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(arguments));
    // Into a file rather than a pipe: a kubectl that hangs must not block the read forever.
    Path output = Files.createTempFile("kubectl", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "kubectl %s ran longer than %d s; it printed:%n%s"
                .formatted(String.join(" ", arguments), TIMEOUT.toSeconds(), read(output)));
      }
      return new Result(process.exitValue(), read(output));
    } finally {
      Files.delete(output);
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
