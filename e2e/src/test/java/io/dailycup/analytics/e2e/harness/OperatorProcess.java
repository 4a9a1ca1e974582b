package io.dailycup.analytics.e2e.harness;

import io.dailycup.analytics.e2e.cluster.ControlPlane;
import io.dailycup.analytics.e2e.cluster.LocalPorts;
import io.dailycup.analytics.job.testing.Dockerfiles;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's shaded jar run as its own JVM, with the JVM options of its image and the chart's
 * environment, so that its memory can be read from {@code /proc} apart from the test's. It
 * authenticates with a token of the chart's ServiceAccount through a kubeconfig file.
 */
public final class OperatorProcess implements AutoCloseable {

  private final Process process;
  private final int metricsPort;
  private final Path log;

  private OperatorProcess(Process process, int metricsPort, Path log) {
    this.process = process;
    this.metricsPort = metricsPort;
    this.log = log;
  }

  public static OperatorProcess start(
      E2eEnvironment environment, ControlPlane plane, Path directory) throws IOException {
    Path jar = environment.projectRoot().resolve("operator/target/analytics-refresh-operator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the operator first");
    }
    Path dockerfile = environment.projectRoot().resolve("operator/Dockerfile");
    Files.createDirectories(directory);
    KubernetesClient admin = environment.admin();
    ChartDeployment deployment =
        ChartDeployment.read(admin, E2eEnvironment.OPERATOR_NAMESPACE, E2eEnvironment.RELEASE);
    int port = LocalPorts.free();
    Map<String, String> variables =
        deployment.environmentWith("METRICS_PORT", String.valueOf(port));
    Path kubeconfig =
        plane.writeKubeconfig(directory.resolve("operator.kubeconfig"), deployment.token(admin));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:MaxRAM=" + deployment.memoryLimitBytes());
    command.addAll(Dockerfiles.entrypointJvmOptions(dockerfile));
    if (Boolean.getBoolean("benchmark.nativeMemoryTracking")) {
      command.add("-XX:NativeMemoryTracking=summary");
    }
    command.addAll(List.of("-jar", jar.toString()));
    Path log = directory.resolve("operator.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(variables);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    OperatorProcess operator = new OperatorProcess(builder.start(), port, log);
    operator.awaitReady();
    return operator;
  }

  /** Resident memory now, in bytes ({@code VmRSS}). */
  public long residentBytes() throws IOException {
    return statusField("VmRSS");
  }

  /** The highest resident memory so far, in bytes ({@code VmHWM}). */
  public long peakResidentBytes() throws IOException {
    return statusField("VmHWM");
  }

  /**
   * Where the JVM's memory goes, from {@code jcmd VM.native_memory summary}; only with the system
   * property {@code benchmark.nativeMemoryTracking=true}, which turns tracking on.
   */
  public String nativeMemorySummary() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()),
                "VM.native_memory",
                "summary")
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    return output;
  }

  public String scrapeMetrics() throws IOException, InterruptedException {
    return get("/metrics").body();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The operator exited; see " + log);
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          return;
        }
        Thread.sleep(200);
      } catch (IOException notYetListening) {
        sleepBriefly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the operator started", e);
      }
    }
    throw new IllegalStateException("The operator was not ready within 60 s; see " + log);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private long statusField(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException(field + " missing from /proc/" + process.pid() + "/status");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
