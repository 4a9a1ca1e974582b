package io.dailycup.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the benchmark ran on, read where Linux publishes it; "unknown" elsewhere. */
record Machine(String cpu, int cores, long memoryMegabytes, String system, String java) {

  static Machine here() {
    return new Machine(
        procField("/proc/cpuinfo", "model name").orElse("unknown"),
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/meminfo", "MemTotal")
            .map(kilobytes -> Long.parseLong(kilobytes.replaceAll("\\D", "")) >> 10)
            .orElse(0L),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  /**
   * The load average over the last minute: above the core count, other work was competing for the
   * processors while the benchmark ran.
   */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static Optional<String> procField(String file, String name) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(name))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
