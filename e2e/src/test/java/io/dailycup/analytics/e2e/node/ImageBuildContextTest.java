package io.dailycup.analytics.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.job.testing.Dockerfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code docker build} of each image needs from its build context, checked without Docker:
 * every file a {@code COPY} names exists after the build and is not left out by the context's
 * {@code .dockerignore}.
 */
class ImageBuildContextTest {

  private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"job-image", "operator"})
  void everyFileTheDockerfileCopiesIsInItsBuildContext(String module) throws IOException {
    Path context = PROJECT_ROOT.resolve(module);

    List<String> copied = Dockerfiles.copiedPaths(context.resolve("Dockerfile"));

    assertThat(copied).isNotEmpty();
    for (String path : copied) {
      assertThat(context.resolve(path)).as("%s/%s", module, path).isRegularFile();
      assertThat(Dockerfiles.ignored(context, path))
          .as("%s/.dockerignore leaves out %s", module, path)
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"job-image", "operator"})
  void theBuildContextLeavesOutWhatNoCopyNeeds(String module) throws IOException {
    Path context = PROJECT_ROOT.resolve(module);

    assertThat(Dockerfiles.ignored(context, "src/main/java")).isTrue();
    assertThat(Dockerfiles.ignored(context, "pom.xml")).isTrue();
    assertThat(Files.exists(context.resolve(".dockerignore"))).isTrue();
  }
}
