package io.dailycup.analytics.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the field tables of docs/resource-reference.md from the CRD's schema, between the markers
 * the document holds, so the reference cannot drift from what the API server checks.
 */
final class ResourceReference {

  static final String BEGIN = "<!-- BEGIN GENERATED FROM THE CRD: do not edit by hand -->";
  static final String END = "<!-- END GENERATED FROM THE CRD -->";

  private ResourceReference() {}

  /** {@code document} with its generated part rendered afresh from {@code crdYaml}. */
  static String render(String crdYaml, String document) throws IOException {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(
          "docs/resource-reference.md lacks the generated-part markers");
    }
    JsonNode schema =
        new ObjectMapper(new YAMLFactory())
            .readTree(crdYaml)
            .at("/spec/versions/0/schema/openAPIV3Schema/properties");
    String tables =
        "\n\n### Spec\n\n"
            + table("spec", schema.get("spec"))
            + "\n### Status\n\n"
            + table("status", schema.get("status"))
            + "\n";
    return document.substring(0, begin + BEGIN.length()) + tables + document.substring(end);
  }

  private static String table(String root, JsonNode node) {
    List<String> rows = new ArrayList<>();
    rows.add("| Field | Type | Default | Constraints | Description |");
    rows.add("|---|---|---|---|---|");
    walk(root, node, rows);
    return String.join("\n", rows) + "\n";
  }

  private static void walk(String path, JsonNode node, List<String> rows) {
    JsonNode properties = node.get("properties");
    if (properties == null) {
      return;
    }
    Set<String> requiredHere = new HashSet<>();
    node.path("required").forEach(name -> requiredHere.add(name.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path + "." + field.getKey();
      JsonNode value = field.getValue();
      rows.add(row(fieldPath, value, requiredHere.contains(field.getKey())));
      if (fieldPath.endsWith(".resources") || fieldPath.endsWith(".conditions")) {
        continue; // Kubernetes' own types, documented by Kubernetes
      }
      walk(fieldPath, value, rows);
      if (value.has("items")) {
        walk(fieldPath + "[]", value.get("items"), rows);
      }
    }
  }

  private static String row(String path, JsonNode field, boolean required) {
    return "| `%s` | %s | %s | %s | %s |"
        .formatted(
            path,
            type(field),
            field.has("default") ? "`" + field.get("default").asText() + "`" : "",
            constraints(field, required),
            field.path("description").asText("").replace("|", "\\|"));
  }

  private static String type(JsonNode field) {
    String type = field.path("type").asText("object");
    return type.equals("array") ? field.at("/items/type").asText("object") + " list" : type;
  }

  private static String constraints(JsonNode field, boolean required) {
    List<String> parts = new ArrayList<>();
    if (required) {
      parts.add("required");
    }
    if (field.has("minimum")) {
      parts.add("min " + field.get("minimum").asLong());
    }
    if (field.has("maximum")) {
      parts.add("max " + field.get("maximum").asLong());
    }
    if (field.has("minItems")) {
      parts.add("at least " + field.get("minItems").asInt());
    }
    JsonNode values = field.has("enum") ? field.get("enum") : field.at("/items/enum");
    if (values.isArray()) {
      List<String> names = new ArrayList<>();
      values.forEach(v -> names.add("`" + v.asText() + "`"));
      parts.add("one of " + String.join(", ", names));
    }
    if (field.has("pattern")) {
      parts.add("pattern `" + field.get("pattern").asText().replace("|", "\\|") + "`");
    }
    return String.join("; ", parts);
  }
}
