package io.dailycup.analytics.operator.audit;

import java.util.regex.Pattern;

/**
 * A table name that is safe to put into SQL text. Identifiers cannot travel as statement
 * parameters, so a name is accepted only when it is a plain identifier, and is always written back
 * quoted.
 */
record AuditTable(String name) {

  /** MySQL's and MariaDB's limit for an identifier. */
  static final int MAX_LENGTH = 64;

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * @throws IllegalArgumentException when the name is not letters, digits and {@code _}, not
   *     starting with a digit, at most {@link #MAX_LENGTH} characters
   */
  AuditTable {
    if (name == null || name.length() > MAX_LENGTH || !PLAIN_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid audit table name: use letters, digits and '_', not starting with a digit,"
              + " at most "
              + MAX_LENGTH
              + " characters");
    }
  }

  /** The name quoted for SQL text. */
  String quoted() {
    return "`" + name + "`";
  }
}
