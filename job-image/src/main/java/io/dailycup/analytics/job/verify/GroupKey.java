package io.dailycup.analytics.job.verify;

import java.time.LocalDate;

/** The identity of one summary row. */
public record GroupKey(LocalDate day, String integration, String direction, String status) {

  @Override
  public String toString() {
    return day + " " + integration + "/" + direction + "/" + status;
  }
}
