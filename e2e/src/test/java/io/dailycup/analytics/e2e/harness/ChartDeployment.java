package io.dailycup.analytics.e2e.harness;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator's Deployment as the chart installed it: the environment its container would get
 * (from the chart's ConfigMap and the Pod's fields) and its ServiceAccount, whose token an operator
 * run outside a Pod authenticates with.
 */
public record ChartDeployment(
    String namespace,
    Map<String, String> environment,
    String serviceAccount,
    long memoryLimitBytes) {

  /** The name the operator's Pod would have; it identifies the operator in Events. */
  static final String POD_NAME = "analytics-refresh-operator-e2e";

  /** Reads the Deployment of {@code release} in {@code namespace}. */
  public static ChartDeployment read(KubernetesClient admin, String namespace, String release) {
    Deployment deployment =
        admin
            .apps()
            .deployments()
            .inNamespace(namespace)
            .withLabel("app.kubernetes.io/instance", release)
            .list()
            .getItems()
            .get(0);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, String> environment = new HashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      String name = source.getConfigMapRef().getName();
      environment.putAll(
          admin.configMaps().inNamespace(namespace).withName(name).require().getData());
    }
    for (EnvVar variable : container.getEnv()) {
      environment.put(variable.getName(), value(variable, namespace));
    }
    return new ChartDeployment(
        namespace,
        Map.copyOf(environment),
        deployment.getSpec().getTemplate().getSpec().getServiceAccountName(),
        Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
            .longValueExact());
  }

  /** A fresh token of the Deployment's ServiceAccount, from the TokenRequest API. */
  public String token(KubernetesClient admin) {
    return admin
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(serviceAccount)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** The environment with one variable replaced, e.g. the metrics port of a local run. */
  public Map<String, String> environmentWith(String name, String value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(name, value);
    return changed;
  }

  /** A variable's value, with the Pod's fields filled in as the kubelet would. */
  private static String value(EnvVar variable, String namespace) {
    if (variable.getValueFrom() == null) {
      return variable.getValue();
    }
    String field = variable.getValueFrom().getFieldRef().getFieldPath();
    return switch (field) {
      case "metadata.namespace" -> namespace;
      case "metadata.name" -> POD_NAME;
      default -> throw new IllegalStateException("The chart sets " + field + "; add it here");
    };
  }
}
