package io.dailycup.analytics.job.sql;

/**
 * The SQL text of a refresh for one source and one summary table. Table names are validated
 * identifiers; every value (days, UTC bounds, times) is a statement parameter.
 *
 * <p>Each local day is aggregated by its own statement with the day as a parameter and the source
 * filtered on {@code created_at >= ? AND created_at < ?}: a range scan of the source's covering
 * index, instead of a function of every row that would defeat the index.
 */
public final class SummarySql {

  /** The measures of one group, in the order of the summary's columns. */
  private static final String MEASURES =
      "integration, direction, status, COUNT(*), COUNT(processing_ms),"
          + " COALESCE(SUM(processing_ms), 0), MAX(processing_ms), COALESCE(SUM(payload_bytes), 0)";

  private static final String SUMMARY_COLUMNS =
      "day, integration, direction, status, message_count, processed_count,"
          + " total_processing_ms, max_processing_ms, total_payload_bytes";

  private final TableName source;

  public SummarySql(TableName source) {
    this.source = source;
  }

  /** Parameters: day, refreshed_at, start (UTC, inclusive), end (UTC, exclusive). */
  public String insertDay(TableName summary) {
    return "INSERT INTO "
        + summary.quoted()
        + " ("
        + SUMMARY_COLUMNS
        + ", refreshed_at)"
        + " SELECT ?, "
        + MEASURES
        + ", ? FROM "
        + source.quoted()
        + " WHERE created_at >= ? AND created_at < ?"
        + " GROUP BY integration, direction, status";
  }

  /**
   * The bare aggregate of one day, the same query the refresh inserts. Parameters: start, end.
   * Columns: integration, direction, status, then the measures.
   */
  public String aggregateDay() {
    return "SELECT "
        + MEASURES
        + " FROM "
        + source.quoted()
        + " WHERE created_at >= ? AND created_at < ?"
        + " GROUP BY integration, direction, status";
  }

  /** Parameters: first and last day, both included. */
  public String deleteDays(TableName summary) {
    return "DELETE FROM " + summary.quoted() + " WHERE day >= ? AND day <= ?";
  }

  /** Rows and messages of a day range of the summary. Parameters: first and last day. */
  public String summaryTotals(TableName summary) {
    return "SELECT COUNT(*), COALESCE(SUM(message_count), 0) FROM "
        + summary.quoted()
        + " WHERE day >= ? AND day <= ?";
  }

  /** Rows and messages of the whole summary. */
  public String wholeSummaryTotals(TableName summary) {
    return "SELECT COUNT(*), COALESCE(SUM(message_count), 0) FROM " + summary.quoted();
  }

  /** Summary rows of a day range, measures in {@link #aggregateDay()} order after the day. */
  public String summaryRows(TableName summary) {
    return "SELECT "
        + SUMMARY_COLUMNS
        + " FROM "
        + summary.quoted()
        + " WHERE day >= ? AND day <= ?";
  }

  /** Source rows in a UTC range. Parameters: start (inclusive), end (exclusive). */
  public String countSource() {
    return "SELECT COUNT(*) FROM " + source.quoted() + " WHERE created_at >= ? AND created_at < ?";
  }

  /** The oldest and newest source rows, both read from the ends of the index. */
  public String sourceBounds() {
    return "SELECT MIN(created_at), MAX(created_at) FROM " + source.quoted();
  }
}
