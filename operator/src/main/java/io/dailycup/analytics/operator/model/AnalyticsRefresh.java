package io.dailycup.analytics.operator.model;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Keeps one MySQL summary table fresh on a schedule: the operator turns it into a CronJob running
 * the refresh job, tracks every run, and reports in its status.
 */
@Group(AnalyticsRefresh.GROUP)
@Version("v1alpha1")
@Kind("AnalyticsRefresh")
@Plural("analyticsrefreshes")
@Singular("analyticsrefresh")
@ShortNames("ar")
@Categories("dailycup")
@ValidationRule(
    value = "size(self.metadata.name) <= 52",
    message = "the name must be at most 52 characters: it names the CronJob, whose Jobs add 11")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AnalyticsRefresh extends CustomResource<AnalyticsRefreshSpec, AnalyticsRefreshStatus>
    implements Namespaced {

  public static final String GROUP = "analytics.dailycup.io";

  /** A new value runs one refresh now (any value: it is a request token). */
  public static final String REFRESH_REQUESTED_AT = GROUP + "/refresh-requested-at";

  /** With a refresh request: a number of days, or {@code full}, for that run only. */
  public static final String REFRESH_DAYS = GROUP + "/refresh-days";

  /** A new value sends a test alert to every configured channel. */
  public static final String TEST_ALERT_REQUESTED_AT = GROUP + "/test-alert-requested-at";
}
