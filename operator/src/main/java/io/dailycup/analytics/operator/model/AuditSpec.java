package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Audit rows of a refresh. */
public class AuditSpec {

  @Default("true")
  @JsonPropertyDescription("Write audit rows to the refresh's database.")
  private Boolean enabled = true;

  @Default("analytics_refresh_audit")
  @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,55}$")
  @JsonPropertyDescription("Audit table, created when missing.")
  private String table = "analytics_refresh_audit";

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }
}
