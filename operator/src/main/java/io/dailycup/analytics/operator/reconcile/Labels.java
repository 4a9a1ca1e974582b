package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;

/** The labels and annotations the operator puts on what it creates. */
public final class Labels {

  /** On the CronJob, its Jobs and their Pods: the AnalyticsRefresh they belong to. */
  public static final String REFRESH = AnalyticsRefresh.GROUP + "/refresh";

  /** On Jobs and their Pods: {@code Scheduled} or {@code Manual}. */
  public static final String TRIGGER = AnalyticsRefresh.GROUP + "/trigger";

  /** On a manual Job: the request token it was created for. */
  public static final String REQUEST = AnalyticsRefresh.GROUP + "/request";

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "analytics-refresh-operator";

  /** Set by the Job controller on a Job's Pods. */
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";

  /** The older spelling of {@link #JOB_NAME}, still set by current clusters. */
  public static final String LEGACY_JOB_NAME = "job-name";

  private Labels() {}
}
