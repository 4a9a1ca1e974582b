package io.dailycup.analytics.operator.alert;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Removes secret values from text that came from a library, such as an exception's message, before
 * it goes into a log line, an Event or a status. Libraries put URLs and server replies into their
 * messages, and an incoming webhook's URL is itself the credential.
 */
final class Redaction {

  static final String MASK = "[redacted]";

  /** Longer than any detail a person reads in an Event; keeps Events and status small. */
  private static final int MAX_LENGTH = 300;

  private final List<String> secrets;

  /**
   * @param secrets the values to mask; null and empty ones are skipped. A very short secret garbles
   *     the text it is masked in, which is the price of never showing it.
   */
  Redaction(Collection<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(s -> !s.isEmpty())
            .distinct()
            // The longest first, so that a URL is masked whole before its path is.
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The text on one line, without any secret, cut to a readable length. */
  String clean(String text) {
    if (text == null) {
      return "";
    }
    String clean = text;
    for (String secret : secrets) {
      clean = clean.replace(secret, MASK);
    }
    clean = clean.replaceAll("\\s+", " ").trim();
    return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
  }
}
