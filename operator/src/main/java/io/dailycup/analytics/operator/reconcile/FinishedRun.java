package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.RunTrigger;

/**
 * A Job recorded by this reconcile, for what follows from it: metrics, alerts, audit rows.
 *
 * @param recovery whether it is a success that ends a run of failures or a stale episode
 */
public record FinishedRun(
    String jobName, RunTrigger trigger, JobOutcome outcome, boolean recovery) {}
