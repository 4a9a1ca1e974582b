package io.dailycup.analytics.operator.alert;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that came from elsewhere, such as an exception's message or a refresh
 * container's log tail, before it goes into a log line, an Event, a status, an alert or an audit
 * row. Libraries put URLs and server replies into their messages, and an incoming webhook's URL is
 * itself the credential.
 *
 * <p>Two kinds of secret are masked: the values the caller knows (a Secret's password, a webhook
 * URL) and credentials that look like credentials whatever their value (a URL's password, {@code
 * password=...}, an {@code Authorization} header, a Slack webhook path). The second kind covers
 * what the caller cannot know, such as a password a custom job image printed.
 */
public final class Redaction {

  public static final String MASK = "[redacted]";

  /** Longer than any detail a person reads in an Event; keeps Events and status small. */
  private static final int MAX_LENGTH = 300;

  /** {@code scheme://user:password@host}: keeps the user, masks the password. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]*:)[^@\\s/]+@");

  /**
   * {@code password=x}, {@code token: "x"} and the like. MySQL's "(using password: YES)" says only
   * whether a password was sent, and is what a person needs to read, so YES and NO are kept.
   */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)\\b((?:[a-z]+[_-]?)?(?:password|passwd|pwd|secret|token|api[_-]?key)\\d?)"
              + "(\\s*[=:]\\s*)"
              + "(?!(?:YES|NO)\\b)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"')]+)");

  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(authorization\\s*[=:]\\s*(?:bearer|basic)?\\s*)[^\\s,;\"']+");

  private static final Pattern SLACK_WEBHOOK =
      Pattern.compile("(hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]+");

  private final List<String> secrets;

  /**
   * @param secrets the values to mask; null and empty ones are skipped. A very short secret garbles
   *     the text it is masked in, which is the price of never showing it.
   */
  public Redaction(Collection<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(s -> !s.isEmpty())
            .distinct()
            // The longest first, so that a URL is masked whole before its path is.
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The text without any secret it holds, otherwise unchanged; null stays null. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    masked = URL_PASSWORD.matcher(masked).replaceAll("$1" + MASK + "@");
    masked = KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK);
    masked = AUTHORIZATION.matcher(masked).replaceAll("$1" + MASK);
    return SLACK_WEBHOOK.matcher(masked).replaceAll("$1" + MASK);
  }

  /** The text on one line, without any secret, cut to a readable length. */
  String clean(String text) {
    if (text == null) {
      return "";
    }
    String clean = mask(text).replaceAll("\\s+", " ").trim();
    return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
  }
}
