package io.dailycup.analytics.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Secret's values when the operator itself must use them (alert channels, audit rows). The
 * values are handed to the channel or pool and never logged or put in status.
 */
public class SecretValues {

  private final KubernetesClient client;

  public SecretValues(KubernetesClient client) {
    this.client = client;
  }

  /** The decoded data of a Secret; empty when it does not exist. */
  public Optional<Map<String, String>> read(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    Optional.ofNullable(secret.getData())
        .orElse(Map.of())
        .forEach(
            (key, encoded) ->
                values.put(
                    key, new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)));
    return Optional.of(values);
  }
}
