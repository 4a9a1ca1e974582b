package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How one channel took an alert. */
public class AlertDelivery {

  @JsonPropertyDescription("slack or email.")
  private String channel;

  @JsonPropertyDescription("Failure, Stale, Recovery or Test.")
  private String type;

  @JsonPropertyDescription("Whether the channel accepted the alert.")
  private Boolean delivered;

  @JsonPropertyDescription("Why not, or how many attempts it took.")
  private String detail;

  @JsonPropertyDescription("When it was sent (RFC 3339).")
  private String time;

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Boolean getDelivered() {
    return delivered;
  }

  public void setDelivered(Boolean delivered) {
    this.delivered = delivered;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }
}
