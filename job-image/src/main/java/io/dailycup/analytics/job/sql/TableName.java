package io.dailycup.analytics.job.sql;

import java.util.regex.Pattern;

/**
 * A table name that is safe to put into SQL text. Values always travel as statement parameters, but
 * identifiers cannot, so a name is accepted only if it is a plain identifier and is always written
 * back quoted.
 */
public final class TableName {

  /** Leaves room for the longest suffix the job appends, within MySQL's 64-character limit. */
  public static final int MAX_LENGTH = 56;

  private static final int MYSQL_MAX_LENGTH = 64;
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String name;

  private TableName(String name) {
    this.name = name;
  }

  /**
   * A name given by a user.
   *
   * @throws IllegalArgumentException with a one-line message, when it is not a plain identifier of
   *     at most {@link #MAX_LENGTH} characters
   */
  public static TableName of(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a table name must not be empty");
    }
    if (name.length() > MAX_LENGTH || !PLAIN_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          ("invalid table name '%s': use letters, digits and '_', not starting with a digit,"
                  + " at most %d characters")
              .formatted(printable(name), MAX_LENGTH));
    }
    return new TableName(name);
  }

  public String name() {
    return name;
  }

  /** The name quoted for SQL text. */
  public String quoted() {
    return "`" + name + "`";
  }

  /** A working table beside this one, such as the shadow of a full refresh. */
  public TableName withSuffix(String suffix) {
    String derived = name + suffix;
    if (derived.length() > MYSQL_MAX_LENGTH || !PLAIN_IDENTIFIER.matcher(derived).matches()) {
      throw new IllegalArgumentException("invalid suffix '" + printable(suffix) + "'");
    }
    return new TableName(derived);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableName table && table.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
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
