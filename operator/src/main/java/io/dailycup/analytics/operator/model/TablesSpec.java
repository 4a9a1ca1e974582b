package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** The tables a refresh reads and writes. */
public class TablesSpec {

  @Default("integration_messages")
  @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,55}$")
  @JsonPropertyDescription("Source table of integration messages.")
  private String source = "integration_messages";

  @Default("analytics_integration_messages_daily_mat")
  @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,55}$")
  @JsonPropertyDescription("Summary table the refresh rebuilds.")
  private String target = "analytics_integration_messages_daily_mat";

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }
}
