package io.dailycup.analytics.job.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The refresh job started as its container image starts it, on this machine's JVM: the JVM options
 * of {@code job-image/Dockerfile}'s ENTRYPOINT, and a class-data-sharing archive made by the
 * image's own script ({@code job-image/image/create-class-archive.sh}). The end-to-end node agent
 * and the benchmark run the job this way, so that neither drifts from the image.
 */
public final class JobImage {

  /** Where the image keeps its class archive; a local run maps it to a local copy. */
  public static final String IMAGE_CLASS_ARCHIVE = "/opt/analytics-refresh/analytics-refresh.jsa";

  private static final String CONTAINER_HEAP = "-XX:MaxRAMPercentage=";
  private static final long SCRIPT_TIMEOUT_MINUTES = 2;

  private final Path directory;

  /** {@code directory}: the image's build context, {@code job-image/} of the project. */
  public JobImage(Path directory) {
    this.directory = directory;
  }

  public Path dockerfile() {
    return directory.resolve("Dockerfile");
  }

  public Path classArchiveScript() {
    return directory.resolve("image").resolve("create-class-archive.sh");
  }

  /**
   * The ENTRYPOINT's JVM options, with the image's class archive replaced by {@code archive} and
   * the heap, which the image sizes from the container's memory limit, fixed at {@code maxHeap}.
   */
  public List<String> jvmOptions(Path archive, String maxHeap) throws IOException {
    List<String> options = new ArrayList<>();
    for (String option : Dockerfiles.entrypointJvmOptions(dockerfile())) {
      if (option.startsWith(CONTAINER_HEAP)) {
        options.add("-Xmx" + maxHeap);
      } else {
        options.add(option.replace(IMAGE_CLASS_ARCHIVE, archive.toString()));
      }
    }
    return List.copyOf(options);
  }

  /**
   * Runs the image's script for {@code jar} and returns the archive it wrote, {@code
   * analytics-refresh.jsa} in {@code into}. The script's {@code java} is this JVM: an archive maps
   * only into the JVM that wrote it, and the local runs use this one.
   *
   * @throws IllegalStateException when the script fails, with what it printed
   */
  public Path createClassArchive(Path jar, Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    Path archive = into.resolve("analytics-refresh.jsa");
    Path log = into.resolve("create-class-archive.log");
    Path script = classArchiveScript();
    ProcessBuilder builder =
        new ProcessBuilder(script.toString(), jar.toString(), archive.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    builder.environment().merge("PATH", javaBin, (path, bin) -> bin + ":" + path);
    Process process = builder.start();
    if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          script + " ran longer than " + SCRIPT_TIMEOUT_MINUTES + " minutes");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          script
              + " failed with exit code "
              + process.exitValue()
              + ": "
              + String.join(" ", Files.readAllLines(log)).strip());
    }
    Files.delete(log);
    return archive;
  }
}
