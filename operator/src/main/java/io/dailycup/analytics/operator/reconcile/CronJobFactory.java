package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.dailycup.analytics.operator.model.AnalyticsRefreshSpec;
import io.dailycup.analytics.operator.model.JobSpec;
import io.dailycup.analytics.operator.model.RefreshMode;
import io.dailycup.analytics.operator.model.RunTrigger;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpecBuilder;
import java.util.List;
import java.util.Map;

/**
 * The CronJob an AnalyticsRefresh stands for. A pure function of the resource and the operator's
 * default image, so that every field can be checked by a unit test.
 */
public final class CronJobFactory {

  static final String CONTAINER = "refresh";

  /** The image's non-root user, so that {@code runAsNonRoot} can be checked by number. */
  private static final long JOB_USER = 65532L;

  private final String defaultImage;

  public CronJobFactory(String defaultImage) {
    this.defaultImage = defaultImage;
  }

  public CronJob desired(AnalyticsRefresh refresh) {
    AnalyticsRefreshSpec spec = refresh.getSpec();
    JobSpec job = spec.getJob();
    String name = refresh.getMetadata().getName();
    return new CronJobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(refresh.getMetadata().getNamespace())
        .withLabels(labels(name))
        .endMetadata()
        .withNewSpec()
        .withSchedule(spec.getSchedule())
        .withTimeZone(spec.getTimeZone())
        .withSuspend(Boolean.TRUE.equals(spec.getSuspend()))
        .withConcurrencyPolicy("Forbid")
        .withStartingDeadlineSeconds(job.getStartingDeadlineSeconds())
        .withSuccessfulJobsHistoryLimit(job.getSuccessfulJobsHistoryLimit())
        .withFailedJobsHistoryLimit(job.getFailedJobsHistoryLimit())
        .withJobTemplate(jobTemplate(refresh))
        .endSpec()
        .build();
  }

  /** The image a run uses: the resource's own, else the operator's default. */
  public String image(AnalyticsRefresh refresh) {
    String image = refresh.getSpec().getJob().getImage();
    return image == null || image.isBlank() ? defaultImage : image;
  }

  /** The job's command line for the resource's mode and days. */
  static List<String> arguments(AnalyticsRefreshSpec spec) {
    return spec.getMode() == RefreshMode.FULL
        ? List.of("refresh", "--full")
        : List.of("refresh", "--days", String.valueOf(spec.getDays()));
  }

  private JobTemplateSpec jobTemplate(AnalyticsRefresh refresh) {
    String name = refresh.getMetadata().getName();
    JobSpec job = refresh.getSpec().getJob();
    Map<String, String> labels = runLabels(name, RunTrigger.SCHEDULED);
    return new JobTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(job.getBackoffLimit())
        .withActiveDeadlineSeconds(job.getActiveDeadlineSeconds())
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(podSpec(refresh))
        .endTemplate()
        .endSpec()
        .build();
  }

  private PodSpec podSpec(AnalyticsRefresh refresh) {
    return new PodSpecBuilder()
        .withRestartPolicy("Never")
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(JOB_USER)
        .withRunAsGroup(JOB_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(refresh))
        .build();
  }

  private Container container(AnalyticsRefresh refresh) {
    AnalyticsRefreshSpec spec = refresh.getSpec();
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(image(refresh))
        .withArgs(arguments(spec))
        .withEnv(environment(spec))
        .withResources(resources(spec.getJob()))
        .withTerminationMessagePath("/dev/termination-log")
        .withTerminationMessagePolicy("FallbackToLogsOnError")
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .build();
  }

  /** The Secret's keys as the job's environment: the values never pass the operator. */
  private static List<EnvVar> environment(AnalyticsRefreshSpec spec) {
    String secret = spec.getDatabase().getSecretRef().getName();
    return List.of(
        fromSecret("DB_URL", secret, "url"),
        fromSecret("DB_USERNAME", secret, "username"),
        fromSecret("DB_PASSWORD", secret, "password"),
        new EnvVar("REFRESH_TIME_ZONE", spec.getTimeZone(), null),
        new EnvVar("SOURCE_TABLE", spec.getTables().getSource(), null),
        new EnvVar("TARGET_TABLE", spec.getTables().getTarget(), null));
  }

  private static EnvVar fromSecret(String variable, String secret, String key) {
    return new EnvVarBuilder()
        .withName(variable)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  /** The resource's requests and limits, or what the job needs for any table size. */
  private static ResourceRequirements resources(JobSpec job) {
    if (job.getResources() != null) {
      return job.getResources();
    }
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("192Mi"))
        .addToLimits("memory", new Quantity("256Mi"))
        .build();
  }

  /** The refresh container of a CronJob this factory made. */
  static Container jobContainer(CronJob cronJob) {
    return cronJob
        .getSpec()
        .getJobTemplate()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  static Map<String, String> labels(String refreshName) {
    return Map.of(Labels.REFRESH, refreshName, Labels.MANAGED_BY, Labels.OPERATOR);
  }

  static Map<String, String> runLabels(String refreshName, RunTrigger trigger) {
    return Map.of(
        Labels.REFRESH,
        refreshName,
        Labels.MANAGED_BY,
        Labels.OPERATOR,
        Labels.TRIGGER,
        trigger == RunTrigger.MANUAL ? "Manual" : "Scheduled");
  }
}
