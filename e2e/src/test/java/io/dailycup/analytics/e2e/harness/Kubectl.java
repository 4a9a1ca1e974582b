package io.dailycup.analytics.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kubectl binary of the control plane, as a cluster administrator would run it. */
public final class Kubectl {

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
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (input != null) {
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", arguments) + " hung");
    }
    return new Result(process.exitValue(), output);
  }
}
