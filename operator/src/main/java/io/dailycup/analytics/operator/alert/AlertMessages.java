package io.dailycup.analytics.operator.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of an alert, for Slack and for email. Both say the same facts: what happened, to which
 * resource and table, the run's own message, how to look further, and the runbook, so that the
 * person on call can start from either.
 */
public final class AlertMessages {

  private static final String PREFIX = "[analytics-refresh]";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Slack refuses a header over 150 characters and a text object over 3000. */
  private static final int SLACK_HEADER_MAX = 150;

  private static final int SLACK_TEXT_MAX = 2900;

  /** Leaves room in a Slack text object for the words and code marks around a run's message. */
  private static final int DETAIL_MAX = 2800;

  private AlertMessages() {}

  /** {@code [analytics-refresh] FAILED analytics/nightly: <headline>}, on one line. */
  public static String subject(Alert alert) {
    return oneLine(PREFIX + " " + title(alert) + ": " + alert.headline());
  }

  /** The plain-text body of an email. */
  public static String emailBody(Alert alert) {
    List<String> lines = new ArrayList<>();
    lines.add(title(alert));
    lines.add("");
    lines.add(alert.headline());
    lines.add("");
    lines.add("Resource: AnalyticsRefresh " + alert.resource());
    lines.add("Table:    " + alert.table());
    lines.add("When:     " + alert.occurredAt());
    if (alert.jobName() != null) {
      lines.add("Job:      " + alert.jobName());
    }
    if (hasDetail(alert)) {
      lines.add("");
      lines.add("Message from the run:");
      alert.detail().lines().forEach(line -> lines.add("  " + line));
    }
    lines.add("");
    lines.add("Look further:");
    lookFurther(alert).forEach(command -> lines.add("  " + command));
    if (alert.runbookUrl() != null) {
      lines.add("");
      lines.add("Runbook: " + alert.runbookUrl());
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * The JSON an incoming webhook takes: {@code text} for notifications and clients without blocks,
   * {@code blocks} for the message people read.
   */
  public static String slackJson(Alert alert) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", slackEscape(oneLine(title(alert) + ": " + alert.headline())));
    ArrayNode blocks = root.putArray("blocks");
    blocks.add(header(cut(title(alert), SLACK_HEADER_MAX)));
    blocks.add(facts(alert));
    if (hasDetail(alert)) {
      blocks.add(
          section(
              "*Message from the run*\n```"
                  + cut(slackEscape(alert.detail()), DETAIL_MAX)
                  + "```"));
    }
    blocks.add(section("*Look further*\n" + codeLines(lookFurther(alert))));
    if (alert.runbookUrl() != null) {
      blocks.add(section("<" + alert.runbookUrl() + "|Runbook>"));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings always serialises; this would be a bug in Jackson.
      throw new UncheckedIOException(e);
    }
  }

  /** The commands that show more: the Job's logs when there is a Job, and the resource itself. */
  static List<String> lookFurther(Alert alert) {
    List<String> commands = new ArrayList<>();
    if (alert.jobName() != null) {
      commands.add("kubectl logs job/" + alert.jobName() + " -n " + alert.namespace());
    }
    commands.add("kubectl describe ar/" + alert.resourceName() + " -n " + alert.namespace());
    return commands;
  }

  private static String title(Alert alert) {
    return alert.type().label() + " " + alert.resource();
  }

  private static boolean hasDetail(Alert alert) {
    return alert.detail() != null && !alert.detail().isBlank();
  }

  private static ObjectNode facts(Alert alert) {
    ObjectNode block = section(slackEscape(alert.headline()));
    ArrayNode fields = block.putArray("fields");
    fields.add(mrkdwn("*Resource*\nAnalyticsRefresh `" + alert.resource() + "`"));
    fields.add(mrkdwn("*Table*\n`" + alert.table() + "`"));
    fields.add(mrkdwn("*When*\n" + alert.occurredAt()));
    if (alert.jobName() != null) {
      fields.add(mrkdwn("*Job*\n`" + alert.jobName() + "`"));
    }
    return block;
  }

  private static ObjectNode header(String text) {
    ObjectNode block = JSON.createObjectNode().put("type", "header");
    block.putObject("text").put("type", "plain_text").put("text", text);
    return block;
  }

  private static ObjectNode section(String markdown) {
    ObjectNode block = JSON.createObjectNode().put("type", "section");
    block.set("text", mrkdwn(markdown));
    return block;
  }

  private static ObjectNode mrkdwn(String text) {
    return JSON.createObjectNode().put("type", "mrkdwn").put("text", cut(text, SLACK_TEXT_MAX));
  }

  private static String codeLines(List<String> commands) {
    return commands.stream().map(c -> "`" + c + "`").reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /** Slack reads {@code <}, {@code >} and {@code &} as markup; a run's message must not be. */
  private static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Line breaks in a subject would break the header; in a notification they are noise. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").trim();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
