package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Email alerts of a refresh. */
public class EmailAlertSpec {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Recipient addresses.")
  private List<String> to;

  @Required
  @JsonPropertyDescription(
      "Secret with keys host, port, username, password, security (starttls, "
          + "ssl or none), from and optionally fromName.")
  private SecretReference smtpSecretRef;

  public List<String> getTo() {
    return to;
  }

  public void setTo(List<String> to) {
    this.to = to;
  }

  public SecretReference getSmtpSecretRef() {
    return smtpSecretRef;
  }

  public void setSmtpSecretRef(SecretReference smtpSecretRef) {
    this.smtpSecretRef = smtpSecretRef;
  }
}
