package io.dailycup.analytics.e2e;

import static io.dailycup.analytics.e2e.ScheduledRefreshTest.hasFinishedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Kubectl;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import io.dailycup.analytics.operator.model.RunResult;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting an AnalyticsRefresh: the garbage collector removes its CronJob and its Jobs. */
class DeletionTest {

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-deletion");
    namespace.createDatabase(10);
  }

  @Test
  void deletingTheResourceGarbageCollectsItsCronJobAndJobs() throws Exception {
    namespace.apply(RefreshYaml.incremental("doomed", RefreshYaml.dailyFarFromNow()));
    namespace.annotate("doomed", "analytics.dailycup.io/refresh-requested-at=once");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> namespace.refresh("doomed"),
            refresh -> hasFinishedRun(refresh, RunResult.SUCCEEDED));
    assertThat(cronJobs()).isEqualTo(1);
    assertThat(namespace.jobs()).isNotEmpty();

    Kubectl.Result deleted =
        namespace.kubectl("delete", "analyticsrefresh", "doomed", "--wait=true");

    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cronJobs() == 0 && namespace.jobs().isEmpty());
  }

  private static int cronJobs() {
    return environment
        .admin()
        .batch()
        .v1()
        .cronjobs()
        .inNamespace(namespace.name())
        .list()
        .getItems()
        .size();
  }
}
