package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The database of a refresh. */
public class DatabaseSpec {

  @Required
  @JsonPropertyDescription(
      "Secret with keys url (jdbc:mysql://host:port/database), username and " + "password.")
  private SecretReference secretRef;

  public SecretReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretReference secretRef) {
    this.secretRef = secretRef;
  }
}
