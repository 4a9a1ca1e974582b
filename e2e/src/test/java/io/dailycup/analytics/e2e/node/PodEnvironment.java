package io.dailycup.analytics.e2e.node;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as the kubelet would give it: literal values, Secret and ConfigMap
 * keys, and the pod's own fields. A reference that cannot be resolved stops the container from
 * starting, as on a real node.
 */
final class PodEnvironment {

  private final KubernetesClient client;

  PodEnvironment(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @throws ContainerConfigException naming the Secret, ConfigMap or key that is missing (never a
   *     value)
   */
  Map<String, String> resolve(Pod pod, Container container) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (EnvVar variable : listOf(container.getEnv())) {
      environment.put(variable.getName(), value(pod, variable));
    }
    return environment;
  }

  private String value(Pod pod, EnvVar variable) {
    EnvVarSource source = variable.getValueFrom();
    if (source == null) {
      return variable.getValue() == null ? "" : variable.getValue();
    }
    String namespace = pod.getMetadata().getNamespace();
    if (source.getSecretKeyRef() != null) {
      return secretKey(
          namespace, source.getSecretKeyRef().getName(), source.getSecretKeyRef().getKey());
    }
    if (source.getConfigMapKeyRef() != null) {
      return configMapKey(
          namespace, source.getConfigMapKeyRef().getName(), source.getConfigMapKeyRef().getKey());
    }
    if (source.getFieldRef() != null) {
      return field(pod, source.getFieldRef().getFieldPath());
    }
    throw new ContainerConfigException(
        "variable " + variable.getName() + " has a source the node agent does not support");
  }

  private String secretKey(String namespace, String name, String key) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ContainerConfigException("secret \"" + name + "\" not found");
    }
    if (secret.getData() != null && secret.getData().containsKey(key)) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    throw new ContainerConfigException(
        "couldn't find key " + key + " in Secret " + namespace + "/" + name);
  }

  private String configMapKey(String namespace, String name, String key) {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null || map.getData() == null || !map.getData().containsKey(key)) {
      throw new ContainerConfigException(
          "couldn't find key " + key + " in ConfigMap " + namespace + "/" + name);
    }
    return map.getData().get(key);
  }

  private static String field(Pod pod, String path) {
    return switch (path) {
      case "metadata.name" -> pod.getMetadata().getName();
      case "metadata.namespace" -> pod.getMetadata().getNamespace();
      case "metadata.uid" -> pod.getMetadata().getUid();
      case "spec.nodeName" -> pod.getSpec().getNodeName();
      case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
      default -> throw new ContainerConfigException("field " + path + " is not supported");
    };
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Why a container cannot start; the kubelet reports it as CreateContainerConfigError. */
  static final class ContainerConfigException extends RuntimeException {
    ContainerConfigException(String message) {
      super(message);
    }
  }
}
