package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Slack alerts of a refresh. */
public class SlackAlertSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the incoming webhook URL.")
  private SecretKeyReference webhookSecretRef;

  public SecretKeyReference getWebhookSecretRef() {
    return webhookSecretRef;
  }

  public void setWebhookSecretRef(SecretKeyReference webhookSecretRef) {
    this.webhookSecretRef = webhookSecretRef;
  }
}
