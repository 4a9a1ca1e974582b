package io.dailycup.analytics.job.refresh;

import io.dailycup.analytics.job.sql.SummarySql;
import io.dailycup.analytics.job.sql.TableName;

/**
 * The tables of a refresh. The full refresh builds {@link #shadow()} and parks the replaced table
 * as {@link #retired()}; both names are reserved for the job.
 */
public record RefreshTables(TableName source, TableName summary) {

  public TableName shadow() {
    return summary.withSuffix("__new");
  }

  public TableName retired() {
    return summary.withSuffix("__old");
  }

  public SummarySql sql() {
    return new SummarySql(source);
  }
}
