package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.List;

/**
 * The CronJob of an AnalyticsRefresh, created and kept as desired by JOSDK (server-side apply in
 * production). Used standalone, so the reconciler decides when it is applied: never for an invalid
 * spec.
 */
public final class CronJobDependent
    extends CRUDKubernetesDependentResource<CronJob, AnalyticsRefresh> {

  private final CronJobFactory factory;

  public CronJobDependent(CronJobFactory factory) {
    super(CronJob.class);
    this.factory = factory;
  }

  @Override
  protected CronJob desired(AnalyticsRefresh primary, Context<AnalyticsRefresh> context) {
    return factory.desired(primary);
  }

  /**
   * A controller owner reference: JOSDK's own has no {@code controller: true}, which garbage
   * collection's foreground deletion and {@code kubectl} rely on.
   */
  @Override
  protected void addReferenceHandlingMetadata(CronJob target, AnalyticsRefresh primary) {
    target.getMetadata().setOwnerReferences(List.of(controllerReference(primary)));
  }

  static OwnerReference controllerReference(AnalyticsRefresh owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
