package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** How the Jobs of a refresh are built. */
public class JobSpec {

  @JsonPropertyDescription("Refresh job image; the operator's default when empty.")
  private String image;

  @Default("1")
  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Retries of a failed run within one Job.")
  private Integer backoffLimit = 1;

  @Default("3600")
  @Min(60)
  @JsonPropertyDescription(
      "A run still going after this many seconds is stopped and counts as " + "failed.")
  private Long activeDeadlineSeconds = 3600L;

  @Default("600")
  @Min(10)
  @JsonPropertyDescription(
      "A scheduled run that could not start within this many seconds is " + "skipped.")
  private Long startingDeadlineSeconds = 600L;

  @Default("3")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Finished successful Jobs kept.")
  private Integer successfulJobsHistoryLimit = 3;

  @Default("3")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Finished failed Jobs kept.")
  private Integer failedJobsHistoryLimit = 3;

  @JsonPropertyDescription(
      "CPU and memory of the job container; requests 100m/192Mi and a 256Mi "
          + "memory limit when empty.")
  private ResourceRequirements resources;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(Integer backoffLimit) {
    this.backoffLimit = backoffLimit;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public Long getStartingDeadlineSeconds() {
    return startingDeadlineSeconds;
  }

  public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
    this.startingDeadlineSeconds = startingDeadlineSeconds;
  }

  public Integer getSuccessfulJobsHistoryLimit() {
    return successfulJobsHistoryLimit;
  }

  public void setSuccessfulJobsHistoryLimit(Integer successfulJobsHistoryLimit) {
    this.successfulJobsHistoryLimit = successfulJobsHistoryLimit;
  }

  public Integer getFailedJobsHistoryLimit() {
    return failedJobsHistoryLimit;
  }

  public void setFailedJobsHistoryLimit(Integer failedJobsHistoryLimit) {
    this.failedJobsHistoryLimit = failedJobsHistoryLimit;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }
}
