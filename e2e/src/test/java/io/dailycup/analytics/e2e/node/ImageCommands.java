package io.dailycup.analytics.e2e.node;

import io.dailycup.analytics.job.testing.JobImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the node agent runs for an image, in place of pulling it: the refresh job image becomes the
 * job's standalone jar on a local JVM, with the JVM options of the image's ENTRYPOINT and a class
 * archive made by the image's own script.
 */
public final class ImageCommands {

  private static final String REFRESH_JOB_REPOSITORY = "analytics-refresh-job";

  private final Path refreshJobJar;
  private final List<String> refreshJobOptions;

  private ImageCommands(Path refreshJobJar, List<String> refreshJobOptions) {
    this.refreshJobJar = refreshJobJar;
    this.refreshJobOptions = refreshJobOptions;
  }

  /**
   * Prepares the refresh job as its image would run it, with a class archive made in {@code
   * directory} by the image's own script.
   */
  public static ImageCommands prepare(Path projectRoot, Path refreshJobJar, Path directory)
      throws IOException, InterruptedException {
    JobImage image = new JobImage(projectRoot.resolve("job-image"));
    Path archive = image.createClassArchive(refreshJobJar, directory);
    // There is no container memory limit to size the heap from.
    return new ImageCommands(refreshJobJar, image.jvmOptions(archive, "256m"));
  }

  /** The entrypoint for {@code image}; empty for an image the agent cannot run. */
  Optional<List<String>> entrypoint(String image) {
    if (!repository(image).endsWith("/" + REFRESH_JOB_REPOSITORY)
        && !repository(image).equals(REFRESH_JOB_REPOSITORY)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(refreshJobOptions);
    command.addAll(List.of("-jar", refreshJobJar.toString()));
    return Optional.of(command);
  }

  private static String repository(String image) {
    int digest = image.indexOf('@');
    String withoutDigest = digest < 0 ? image : image.substring(0, digest);
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
