package io.dailycup.analytics.job.sql;

import java.util.regex.Pattern;

/**
 * A table name that is safe to put into SQL text. Values always travel as statement parameters, but
 * identifiers cannot, so a name is accepted only if it is a plain identifier and is always written
 * back quoted.
 */
public record TableName(String name) {

  /** Leaves room for the longest suffix the job appends, within MySQL's 64-character limit. */
  public static final int MAX_LENGTH = 56;

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public TableName {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a table name must not be empty");
    }
    if (name.length() > MAX_LENGTH || !PLAIN_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid table name '%s': use letters, digits and '_', not starting with a digit, at most %d characters"
              .formatted(printable(name), MAX_LENGTH));
    }
  }

  public static TableName of(String name) {
    return new TableName(name);
  }

  /** The name quoted for SQL text. */
  public String quoted() {
    return "`" + name + "`";
  }

  /** A working table beside this one, such as the shadow of a full refresh. */
  public TableName withSuffix(String suffix) {
    return new TableName(name + suffix);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Keeps an error message on one line whatever the rejected input held. */
  private static String printable(String raw) {
    String oneLine = raw.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
  }
}
