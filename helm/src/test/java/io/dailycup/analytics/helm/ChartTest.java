package io.dailycup.analytics.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart lints, renders what each value set asks for, and refuses bad values. */
class ChartTest {

  private static final Path CHART = Path.of("analytics-refresh-operator");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String CRD = "analyticsrefreshes.analytics.dailycup.io-v1.yml";

  @Test
  void lintsWithoutErrors() {
    LintResult result = new Helm(CHART).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void theDefaultsRenderARestrictedOperatorWithClusterWideRbac() throws Exception {
    List<JsonNode> documents = render(t -> t);

    JsonNode deployment = only(documents, "Deployment");
    JsonNode pod = deployment.at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    JsonNode container = pod.at("/containers/0");
    assertThat(container.at("/image").asText())
        .isEqualTo("ghcr.io/dailycup/analytics-refresh-operator:0.1.0");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1config").asText())
        .hasSize(64);

    JsonNode config = only(documents, "ConfigMap").get("data");
    assertThat(config.get("WATCH_NAMESPACES").asText()).isEmpty();
    assertThat(config.get("LEADER_ELECTION").asText()).isEqualTo("false");
    assertThat(config.get("DEFAULT_JOB_IMAGE").asText())
        .isEqualTo("ghcr.io/dailycup/analytics-refresh-job:0.1.0");

    assertThat(rules(only(documents, "ClusterRole")))
        .containsExactly(
            "analytics.dailycup.io analyticsrefreshes get,list,watch,patch,update",
            "analytics.dailycup.io analyticsrefreshes/status get,patch,update",
            "analytics.dailycup.io analyticsrefreshes/finalizers update",
            "batch cronjobs get,list,watch,create,patch,update",
            "batch jobs get,list,watch,create",
            " pods list",
            " secrets get",
            " events create");
    assertThat(kinds(documents))
        .doesNotContain(
            "Role", "ServiceMonitor", "PrometheusRule", "NetworkPolicy", "AnalyticsRefresh");
  }

  @Test
  void watchedNamespacesGetARoleEachAndNoClusterRole() throws Exception {
    List<JsonNode> documents =
        render(
            t -> t.set("watch.namespaces[0]", "analytics").set("watch.namespaces[1]", "reporting"));

    assertThat(kinds(documents)).doesNotContain("ClusterRole", "ClusterRoleBinding");
    assertThat(documents.stream().filter(d -> d.path("kind").asText().equals("Role")))
        .extracting(d -> d.at("/metadata/namespace").asText())
        .containsExactlyInAnyOrder("analytics", "reporting");
    assertThat(only(documents, "ConfigMap").at("/data/WATCH_NAMESPACES").asText())
        .isEqualTo("analytics,reporting");
  }

  @Test
  void moreThanOneReplicaElectsALeaderThroughALease() throws Exception {
    List<JsonNode> documents = render(t -> t.set("replicaCount", 2));

    assertThat(only(documents, "ConfigMap").at("/data/LEADER_ELECTION").asText()).isEqualTo("true");
    assertThat(documents)
        .anySatisfy(
            d ->
                assertThat(rules(d))
                    .containsExactly("coordination.k8s.io leases get,create,update"));
  }

  @Test
  void monitoringValuesAddTheServiceMonitorRulesAndNetworkPolicyAndSetResources() throws Exception {
    List<JsonNode> documents = render(t -> t.withValuesFile(values("monitoring-values.yaml")));

    assertThat(only(documents, "ServiceMonitor").at("/metadata/labels/release").asText())
        .isEqualTo("prometheus");
    assertThat(only(documents, "PrometheusRule").at("/spec/groups/0/rules"))
        .extracting(rule -> rule.get("alert").asText())
        .contains(
            "AnalyticsRefreshStale", "AnalyticsRefreshFailing", "AnalyticsRefreshOperatorDown");
    assertThat(
            only(documents, "NetworkPolicy")
                .at("/spec/ingress/0/from/0/namespaceSelector")
                .isObject())
        .isTrue();
    JsonNode resources =
        only(documents, "Deployment").at("/spec/template/spec/containers/0/resources");
    assertThat(resources.at("/requests/cpu").asText()).isEqualTo("250m");
    assertThat(resources.at("/limits/memory").asText()).isEqualTo("600Mi");
  }

  @Test
  void refreshesInValuesBecomeAnalyticsRefreshResources() throws Exception {
    List<JsonNode> documents = render(t -> t.withValuesFile(values("refreshes-values.yaml")));

    List<JsonNode> refreshes =
        documents.stream().filter(d -> d.path("kind").asText().equals("AnalyticsRefresh")).toList();
    assertThat(refreshes).hasSize(2);
    JsonNode nightly = refreshes.get(0);
    assertThat(nightly.at("/metadata/namespace").asText()).isEqualTo("analytics");
    assertThat(nightly.at("/metadata/labels/team").asText()).isEqualTo("data");
    assertThat(nightly.at("/spec/timeZone").asText()).isEqualTo("Europe/Amsterdam");
    assertThat(refreshes.get(1).at("/metadata/namespace").asText()).isEqualTo("operators");
    assertThat(refreshes.get(1).at("/spec/mode").asText()).isEqualTo("Full");
  }

  @Test
  void theSchemaRejectsBadValues() {
    assertThatThrownBy(() -> render(t -> t.set("replicaCount", -1)))
        .hasMessageContaining("replicaCount");
    assertThatThrownBy(() -> render(t -> t.set("logFormat", "xml")))
        .hasMessageContaining("logFormat");
    assertThatThrownBy(
            () -> render(t -> t.withValuesFile(values("refresh-without-schedule-values.yaml"))))
        .hasMessageContaining("schedule");
    assertThatThrownBy(() -> render(t -> t.set("metricsPort", 70000)))
        .hasMessageContaining("metricsPort");
    assertThatThrownBy(() -> render(t -> t.set("unknownValue", "x")))
        .hasMessageContaining("unknownValue");
  }

  @Test
  void theChartCarriesTheProjectsCrd() throws Exception {
    assertThat(Files.readString(CHART.resolve("crds").resolve(CRD)))
        .as("helm/analytics-refresh-operator/crds/%s must be a copy of crds/%s", CRD, CRD)
        .isEqualTo(Files.readString(Path.of("..", "crds", CRD)));
  }

  @Test
  void theReadmeDocumentsEveryValue() throws Exception {
    String readme = Files.readString(CHART.resolve("README.md"));

    assertThat(documentedValues())
        .isNotEmpty()
        .allSatisfy(value -> assertThat(readme).contains("`" + value + "`"));
  }

  /** The dotted paths of values.yaml's keys that carry a {@code # --} comment. */
  static List<String> documentedValues() throws Exception {
    List<String> paths = new ArrayList<>();
    List<String> stack = new ArrayList<>();
    boolean documented = false;
    Pattern key = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):");
    for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
      if (line.strip().startsWith("# --")) {
        documented = true;
        continue;
      }
      Matcher matcher = key.matcher(line);
      if (!matcher.find()) {
        continue;
      }
      int depth = matcher.group(1).length() / 2;
      while (stack.size() > depth) {
        stack.remove(stack.size() - 1);
      }
      stack.add(matcher.group(2));
      if (documented) {
        paths.add(String.join(".", stack));
      }
      documented = false;
    }
    return paths;
  }

  private static List<JsonNode> render(UnaryOperator<TemplateCommand> values) throws Exception {
    String manifests =
        values
            .apply(new Helm(CHART).template().withName("analytics").withNamespace("operators"))
            .call();
    List<JsonNode> documents = new ArrayList<>();
    for (String document : manifests.split("(?m)^---\\s*$")) {
      JsonNode node = YAML.readTree(document);
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        documents.add(node);
      }
    }
    return documents;
  }

  private static Path values(String file) {
    return Path.of("src", "test", "resources", file);
  }

  private static JsonNode only(List<JsonNode> documents, String kind) {
    List<JsonNode> found =
        documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    assertThat(found).as("documents of kind " + kind).hasSize(1);
    return found.get(0);
  }

  private static List<String> kinds(List<JsonNode> documents) {
    return documents.stream().map(d -> d.path("kind").asText()).toList();
  }

  private static List<String> rules(JsonNode role) {
    List<String> rules = new ArrayList<>();
    role.path("rules")
        .forEach(
            rule -> {
              List<String> verbs = new ArrayList<>();
              rule.path("verbs").forEach(verb -> verbs.add(verb.asText()));
              rule.path("resources")
                  .forEach(
                      resource ->
                          rules.add(
                              rule.at("/apiGroups/0").asText()
                                  + " "
                                  + resource.asText()
                                  + " "
                                  + String.join(",", verbs)));
            });
    return rules;
  }
}
