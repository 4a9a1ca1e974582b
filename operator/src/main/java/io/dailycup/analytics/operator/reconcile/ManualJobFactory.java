package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.RunTrigger;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Job of a manual refresh, made from the CronJob's template as {@code kubectl create job
 * --from=cronjob/...} would, owned by the CronJob, and named after the request token so that a
 * second attempt for the same token finds the first Job instead of starting another run.
 */
public final class ManualJobFactory {

  /** Job names are label values, so at most 63 characters. */
  private static final int MAX_NAME = 63;

  private static final String MARKER = "-m-";
  private static final int HASH_CHARS = 8;

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ManualJobFactory() {}

  /** The Job's name for a request token: the CronJob's name and a hash of the token. */
  public static String jobName(String cronJobName, String token) {
    String prefix = cronJobName;
    int room = MAX_NAME - MARKER.length() - HASH_CHARS;
    if (prefix.length() > room) {
      prefix = prefix.substring(0, room);
    }
    return prefix + MARKER + sha256(token).substring(0, HASH_CHARS);
  }

  /**
   * A Job for {@code token}; {@code arguments} replace the template's job arguments when the
   * request overrides the window.
   */
  public static Job create(
      CronJob cronJob, String refreshName, String token, List<String> arguments) {
    JobSpec spec = copy(cronJob.getSpec().getJobTemplate().getSpec());
    Container container = spec.getTemplate().getSpec().getContainers().get(0);
    container.setArgs(arguments);
    Map<String, String> labels = CronJobFactory.runLabels(refreshName, RunTrigger.MANUAL);
    spec.getTemplate().getMetadata().setLabels(labels);
    return new JobBuilder()
        .withNewMetadata()
        .withName(jobName(cronJob.getMetadata().getName(), token))
        .withNamespace(cronJob.getMetadata().getNamespace())
        .withLabels(labels)
        .addToAnnotations(Labels.REQUEST, token)
        .addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("CronJob")
                .withName(cronJob.getMetadata().getName())
                .withUid(cronJob.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  /** A deep copy, so that the cached CronJob is never changed. */
  private static JobSpec copy(JobSpec spec) {
    return SERIALIZATION.unmarshal(SERIALIZATION.asJson(spec), JobSpec.class);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
