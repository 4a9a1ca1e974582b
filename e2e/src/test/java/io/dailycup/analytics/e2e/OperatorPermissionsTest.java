package io.dailycup.analytics.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dailycup.analytics.e2e.harness.E2eEnvironment;
import io.dailycup.analytics.e2e.harness.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator runs with its ServiceAccount's token, so it holds the chart's rules and nothing
 * more: what the other scenarios show working is all it needs, and a call outside the rules is
 * refused by the API server.
 */
class OperatorPermissionsTest {

  private static E2eEnvironment environment;
  @AutoClose private static Namespace namespace;

  @BeforeAll
  static void createNamespace() throws Exception {
    environment = E2eEnvironment.get();
    namespace = Namespace.create(environment, "e2e-permissions");
    namespace.secret("db", java.util.Map.of("password", "secret"));
  }

  @Test
  void theOperatorCanReadANamedSecretButNotListSecrets() {
    KubernetesClient operator = environment.operator().client();

    assertThat(operator.secrets().inNamespace(namespace.name()).withName("db").get()).isNotNull();
    assertForbidden(() -> operator.secrets().inNamespace(namespace.name()).list());
  }

  @Test
  void theOperatorCannotDeleteJobsOrNamespacesNorListNodes() {
    KubernetesClient operator = environment.operator().client();

    assertForbidden(
        () -> operator.batch().v1().jobs().inNamespace(namespace.name()).withName("any").delete());
    assertForbidden(() -> operator.nodes().list());
    assertForbidden(() -> operator.namespaces().withName(namespace.name()).delete());
  }

  @Test
  void theOperatorIdentifiesAsTheChartsServiceAccount() {
    String user =
        environment
            .operator()
            .client()
            .authentication()
            .v1()
            .selfSubjectReviews()
            .create(new io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview())
            .getStatus()
            .getUserInfo()
            .getUsername();

    assertThat(user).startsWith("system:serviceaccount:" + E2eEnvironment.OPERATOR_NAMESPACE + ":");
  }

  private static void assertForbidden(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }
}
