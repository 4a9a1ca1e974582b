package io.dailycup.analytics.e2e.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where etcd, kube-apiserver, kube-controller-manager and kubectl are: the directory named by
 * {@code E2E_BINARIES_DIR}, else what {@code e2e/control-plane/provide-binaries.sh} prints after
 * finding them in its cache or building them (several minutes, once per machine).
 */
public record ControlPlaneBinaries(Path directory) {

  static final List<String> PROGRAMS =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kubectl");

  public static ControlPlaneBinaries locate(Path projectRoot) throws IOException {
    String given = System.getenv("E2E_BINARIES_DIR");
    Path directory = given != null ? Path.of(given) : provide(projectRoot);
    ControlPlaneBinaries binaries = new ControlPlaneBinaries(directory);
    for (String program : PROGRAMS) {
      if (!Files.isExecutable(binaries.program(program))) {
        throw new IllegalStateException(
            program
                + " is missing from "
                + directory
                + "; run e2e/control-plane/provide-binaries.sh (see docs/development.md)");
      }
    }
    return binaries;
  }

  public Path program(String name) {
    return directory.resolve(name);
  }

  private static Path provide(Path projectRoot) throws IOException {
    Path script = projectRoot.resolve("e2e/control-plane/provide-binaries.sh");
    Path log = Files.createTempFile("provide-binaries", ".log");
    Process process =
        new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            script + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while providing the control plane", e);
    } finally {
      Files.deleteIfExists(log);
    }
    List<String> lines = output.strip().lines().toList();
    return Path.of(lines.get(lines.size() - 1));
  }
}
