package io.dailycup.analytics.bench;

import io.dailycup.analytics.job.refresh.DayRange;
import io.dailycup.analytics.job.refresh.Outcome;
import io.dailycup.analytics.job.refresh.Progress;
import io.dailycup.analytics.job.refresh.RefreshMode;
import io.dailycup.analytics.job.refresh.RefreshRequest;
import io.dailycup.analytics.job.refresh.RefreshResult;
import io.dailycup.analytics.job.refresh.RefreshSettings;
import io.dailycup.analytics.job.refresh.RefreshTables;
import io.dailycup.analytics.job.refresh.RefreshWindow;
import io.dailycup.analytics.job.refresh.Refresher;
import io.dailycup.analytics.job.refresh.Totals;
import io.dailycup.analytics.job.sql.SchemaScript;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The job's own refresh code run inside the benchmark's JVM, which earlier rounds have warmed up:
 * the same statements as the job's process without a fresh JVM's class loading and interpreted
 * first runs. Beside the process's figure it tells how much of the job's time is the JVM's and how
 * much the SQL's.
 */
final class InProcessRefresh {

  private static final Progress SILENT =
      new Progress() {
        @Override
        public void planned(RefreshMode mode, RefreshWindow window, String target) {}

        @Override
        public void dayWritten(DayRange day, Totals written) {}

        @Override
        public void step(String description) {}
      };

  private final DataSource dataSource;
  private final SchemaScript schema = SchemaScript.load();

  InProcessRefresh(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Refreshes {@code days} (all days for a full refresh) as the job would; returns its time. */
  Duration time(RefreshTables tables, RefreshMode mode, RefreshWindow days)
      throws SQLException, InterruptedException {
    Refresher refresher =
        new Refresher(
            dataSource,
            tables,
            RefreshSettings.defaults(SourceData.ZONE),
            schema,
            Clock.systemUTC(),
            SILENT);
    RefreshRequest request =
        mode == RefreshMode.FULL
            ? RefreshRequest.full(false)
            : RefreshRequest.window(mode, days, false);
    RefreshResult result = refresher.run(request);
    if (result.outcome() != Outcome.SUCCEEDED) {
      throw new IllegalStateException("the in-process refresh did not succeed: " + result);
    }
    return result.duration();
  }
}
