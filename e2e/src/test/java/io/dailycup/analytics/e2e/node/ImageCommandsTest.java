package io.dailycup.analytics.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.testing.JobImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job image's class archive recipe, run without Docker: the image's script makes the archive,
 * and the job started with the image's ENTRYPOINT options loads its classes from it.
 */
class ImageCommandsTest {

  private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JOB_JAR =
      PROJECT_ROOT.resolve("job-image/target/analytics-refresh-standalone.jar");

  @TempDir Path directory;

  @Test
  void theRefreshJobLoadsItsLibrariesFromTheImagesClassArchive() throws Exception {
    ImageCommands commands = ImageCommands.prepare(PROJECT_ROOT, JOB_JAR, directory);
    List<String> command =
        new ArrayList<>(
            commands.entrypoint("registry.example.com/dailycup/analytics-refresh-job:1").get());
    Path archive = directory.resolve("analytics-refresh.jsa");
    assertThat(command)
        .contains("-XX:SharedArchiveFile=" + archive)
        .doesNotContain("-XX:SharedArchiveFile=" + JobImage.IMAGE_CLASS_ARCHIVE);
    command.add(1, "-Xlog:class+load=info");
    command.addAll(List.of("refresh", "--days", "1", "--termination-message-path", "/dev/null"));

    String output = run(command);

    // Nothing listens on port 1: the run fails at connecting, after loading the pool and driver.
    assertThat(output)
        .contains("com.zaxxer.hikari.HikariDataSource source: shared objects file")
        .contains("com.mysql.cj.jdbc.Driver source: shared objects file")
        .contains("cannot connect to the database");
  }

  @Test
  void anImageItCannotRunHasNoEntrypoint() throws Exception {
    ImageCommands commands = ImageCommands.prepare(PROJECT_ROOT, JOB_JAR, directory);

    assertThat(commands.entrypoint("docker.io/library/busybox:1.36")).isEmpty();
    assertThat(commands.entrypoint("example.com/analytics-refresh-job-old:1")).isEmpty();
    assertThat(commands.entrypoint("analytics-refresh-job@sha256:0123")).isPresent();
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    Path output = directory.resolve("output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("DB_URL", "jdbc:mysql://127.0.0.1:1/nowhere");
    builder.environment().put("DB_USERNAME", "nobody");
    builder.environment().put("DB_PASSWORD", "unused");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the job exits").isTrue();
    assertThat(process.exitValue()).as("the job's exit code").isEqualTo(1);
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
