package io.dailycup.analytics.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Kubectl;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.dailycup.analytics.e2e.harness.RefreshYaml;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRD's schema at work in a real API server: bad resources never reach the operator. */
class ApiServerValidationTest {

  @AutoClose private static Namespace namespace;

  @BeforeAll
  static void createNamespace() throws Exception {
    namespace = Namespace.create(E2eEnvironment.get(), "e2e-validation");
  }

  @Test
  void kubectlApplyOfAnInvalidResourceIsRejectedNamingEachBadField() throws Exception {
    String invalid =
        RefreshYaml.incremental("invalid", "0 3 * * *")
            .replace("mode: Incremental", "mode: Sometimes")
            .replace("days: 3", "days: 0");

    Kubectl.Result result = apply(invalid);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("The AnalyticsRefresh \"invalid\" is invalid")
        .contains("spec.mode: Unsupported value: \"Sometimes\"")
        .contains("spec.days: Invalid value: 0");
    assertThat(namespace.refresh("invalid")).isNull();
  }

  @Test
  void aNameTooLongForTheCronJobsJobsIsRejectedWithTheReason() throws Exception {
    String name = "n".repeat(53);

    Kubectl.Result result = apply(RefreshYaml.incremental(name, "0 3 * * *"));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("the name must be at most 52 characters");
  }

  private static Kubectl.Result apply(String yaml) throws Exception {
    return E2eEnvironment.get()
        .kubectl()
        .runWithInput(yaml, "apply", "-n", namespace.name(), "-f", "-");
  }
}
