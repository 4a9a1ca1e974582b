package io.dailycup.analytics.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules of {@code deploy/prometheus/} pass their own unit tests, and the chart's
 * PrometheusRule holds the same rules. Runs {@code promtool}, which {@code .ci/run} installs; on a
 * machine without it the promtool checks are skipped, saying so, and only in CI are they a failure.
 */
class PrometheusRulesTest {

  private static final Path DEPLOY = Path.of("..", "deploy", "prometheus");
  private static final Path RULES = DEPLOY.resolve("analytics-refresh-rules.yaml");
  private static final Path CHART = Path.of("analytics-refresh-operator");
  private static final Path CHART_COPY = CHART.resolve("files/analytics-refresh-rules.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static boolean promtool;

  @TempDir Path directory;

  @BeforeAll
  static void findPromtool() {
    promtool = run(List.of("promtool", "--version")).exitCode() == 0;
    if (!promtool && System.getenv("CI") != null) {
      throw new IllegalStateException("promtool is missing; .ci/run installs it");
    }
  }

  @Test
  void theChartHoldsACopyOfTheRuleFileToTheByte() throws IOException {
    assertThat(Files.readString(CHART_COPY))
        .as("copy deploy/prometheus/analytics-refresh-rules.yaml over " + CHART_COPY)
        .isEqualTo(Files.readString(RULES));
  }

  @Test
  void theRuleFilePassesItsUnitTests() {
    assumeTrue(promtool, "promtool is not installed");

    Result result =
        run(List.of("promtool", "test", "rules", "analytics-refresh-rules.test.yaml"), DEPLOY);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theChartsRulesAreTheFilesWithTheReleasesLinksAndService() throws Exception {
    JsonNode file = YAML.readTree(RULES.toFile());
    JsonNode chart = renderedRuleSpec("https://docs.example/refresh/");
    String fileSelector = "up{job=\"analytics-refresh-operator\"}";
    String chartSelector = "up{service=\"analytics-analytics-refresh-operator-metrics\"}";

    JsonNode expected = file.deepCopy();
    for (JsonNode rule : rules(expected)) {
      ObjectNode annotations = (ObjectNode) rule.get("annotations");
      String runbook = annotations.get("runbook_url").asText();
      annotations.put(
          "runbook_url", runbook.replaceFirst("^docs/", "https://docs.example/refresh/"));
      String expr = rule.get("expr").asText();
      if (expr.contains(fileSelector)) {
        ((ObjectNode) rule).put("expr", expr.replace(fileSelector, chartSelector));
      }
    }
    assertThat(Files.readString(RULES)).contains(fileSelector);
    assertThat(chart).isEqualTo(expected);
  }

  @Test
  void theChartsRulesPassPromtoolsCheck() throws Exception {
    assumeTrue(promtool, "promtool is not installed");
    JsonNode spec = renderedRuleSpec();
    Path rules = directory.resolve("chart-rules.yaml");
    YAML.writeValue(rules.toFile(), spec);

    Result result = run(List.of("promtool", "check", "rules", rules.toString()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + rules(spec).size() + " rules");
  }

  /** The {@code spec} of the chart's PrometheusRule: a rule file's {@code groups}. */
  private static JsonNode renderedRuleSpec() throws Exception {
    return renderedRuleSpec(null);
  }

  private static JsonNode renderedRuleSpec(String runbookBaseUrl) throws Exception {
    TemplateCommand template =
        new Helm(CHART)
            .template()
            .withName("analytics")
            .withNamespace("operators")
            .set("prometheusRule.enabled", "true");
    if (runbookBaseUrl != null) {
      template = template.set("prometheusRule.runbookBaseUrl", runbookBaseUrl);
    }
    for (String document : template.call().split("(?m)^---\\s*$")) {
      JsonNode node = YAML.readTree(document);
      if (node != null && "PrometheusRule".equals(node.path("kind").asText())) {
        return node.get("spec");
      }
    }
    throw new AssertionError("the chart rendered no PrometheusRule");
  }

  private static List<JsonNode> rules(JsonNode ruleFile) {
    List<JsonNode> rules = new ArrayList<>();
    ruleFile.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) {
    return run(command, Path.of("."));
  }

  private static Result run(List<String> command, Path workingDirectory) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, command + " did not finish within 60 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
