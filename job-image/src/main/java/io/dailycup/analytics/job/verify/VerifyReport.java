package io.dailycup.analytics.job.verify;

import io.dailycup.analytics.job.refresh.RefreshWindow;
import java.util.List;

/** The outcome of comparing a window of the summary with the source. */
public record VerifyReport(RefreshWindow window, int matchingRows, List<Difference> differences) {

  public VerifyReport {
    differences = List.copyOf(differences);
  }

  public boolean matches() {
    return differences.isEmpty();
  }
}
