package io.dailycup.analytics.operator.audit;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a database that refused a write from one that could not be reached. A refusal (wrong
 * credentials, a missing grant, a table of another shape, a rule the rows break) comes back the
 * same on every retry until someone changes the database or the Secret; an outage ends by itself.
 * Both keep the rows queued, but only a refusal needs a person, so only a refusal is reported as
 * one.
 */
final class SqlFailures {

  /**
   * SQLSTATE classes of a refusal: 22 data exception, 23 integrity constraint, 28 invalid
   * authorization, 42 syntax error or access rule violation (missing grants, unknown tables and
   * columns), 0A feature not supported. Connection failures (08) and rollbacks (40) are outages.
   */
  private static final Set<String> REFUSAL_CLASSES = Set.of("22", "23", "28", "42", "0A");

  /**
   * MySQL and MariaDB errors in those classes that still end by themselves: too many connections
   * (1040), a server shutting down (1053), a read-only server during a failover (1290, 1836), a
   * lock wait timeout (1205) and a deadlock (1213).
   */
  private static final Set<Integer> PASSING_ERRORS = Set.of(1040, 1053, 1205, 1213, 1290, 1836);

  private SqlFailures() {}

  /** Whether {@code failure} is the database refusing the write rather than being unreachable. */
  static boolean isRefusal(SQLException failure) {
    SQLException answer = deepestWithState(failure);
    if (answer == null || PASSING_ERRORS.contains(answer.getErrorCode())) {
      return false;
    }
    String state = answer.getSQLState();
    return REFUSAL_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
  }

  /**
   * The innermost SQL exception that carries a SQLSTATE: the server's own answer. A pool that could
   * not open a connection wraps the server's "access denied" in a timeout of its own.
   */
  private static SQLException deepestWithState(SQLException failure) {
    SQLException found = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        found = sql;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return found;
  }
}
