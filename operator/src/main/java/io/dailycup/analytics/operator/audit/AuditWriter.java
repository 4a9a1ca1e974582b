package io.dailycup.analytics.operator.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit rows into each resource's own database. Every resource has its own Secret, so the
 * writer keeps one small connection pool per Secret, reused across reconciles and closed when it
 * has not been used for a while, when its Secret changes or when the resource goes away.
 *
 * <p>The writer only inserts, and only whole batches: a batch is written in one transaction or not
 * at all, and a failed write throws {@link AuditUnavailableException}, so the caller keeps the rows
 * (in the resource's status) and writes them again later. Rows already written are not written
 * twice, whatever the caller retries. Safe for use by several reconcile threads at once.
 */
public final class AuditWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

  private final Clock clock;
  private final Duration idleTimeout;
  private final AuditSchema schema;

  // Guarded by this.
  private final Map<String, AuditPool> pools = new HashMap<>();
  private boolean closed;

  /**
   * @param clock the time that decides when a pool is idle
   * @param idleTimeout how long a pool stays open without a write
   */
  public AuditWriter(Clock clock, Duration idleTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative");
    }
    this.schema = AuditSchema.load();
  }

  /**
   * Creates the table if missing (the DDL of the packaged schema.sql under the name {@code table}),
   * then inserts every row in one transaction. A row whose event key exists already is a no-op, so
   * a retried batch adds only the rows that are missing.
   *
   * @param poolKey the Secret the database comes from (namespace/name); a different {@code
   *     database} for the same key closes the old pool and opens a new one
   * @param database the facts of that Secret
   * @param table the audit table: letters, digits and {@code _}, not starting with a digit, at most
   *     64 characters
   * @param rows the rows to insert; nothing happens (no connection either) when empty
   * @throws IllegalArgumentException when {@code table} is not such a name; no SQL has run then
   * @throws AuditUnavailableException when the URL is not a jdbc:mysql:// URL, there is no
   *     connection, or the database refused the batch; no row of the batch was written. {@link
   *     AuditUnavailableException#refused()} tells a refusal from an outage
   */
  public void write(String poolKey, AuditDatabase database, String table, List<AuditRow> rows)
      throws AuditUnavailableException {
    AuditTable target = new AuditTable(table);
    if (rows.isEmpty()) {
      return;
    }
    AuditPool pool = enter(poolKey, database);
    try {
      pool.write(target, schema, rows);
      LOG.debug("wrote {} audit rows to {}", rows.size(), database.server());
    } catch (SQLException e) {
      throw unavailable(database, e);
    } finally {
      pool.leave(clock.instant());
    }
  }

  /** Closes pools not used for the idle timeout; call it from time to time. */
  public void closeIdle() {
    Instant cutoff = clock.instant().minus(idleTimeout);
    List<AuditPool> idle = new ArrayList<>();
    synchronized (this) {
      pools
          .values()
          .removeIf(
              pool -> {
                boolean isIdle = pool.idleSince(cutoff);
                if (isIdle) {
                  idle.add(pool);
                }
                return isIdle;
              });
    }
    idle.forEach(this::closePool);
  }

  /**
   * Closes the pool of a key, if there is one (its resource was deleted).
   *
   * <p>Shortcoming: a write still running through that pool loses its connection and fails with
   * {@link AuditUnavailableException}, so its rows are only written if the caller retries them.
   * Closing only after the last writer leaves (the pool counts its writers already) would remove
   * it. A deleted resource's own last write has finished before its cleanup calls this, so only a
   * write of another resource naming the same Secret can meet it, and that one is retried a minute
   * later.
   */
  public void forget(String poolKey) {
    AuditPool pool;
    synchronized (this) {
      pool = pools.remove(poolKey);
    }
    if (pool != null) {
      closePool(pool);
    }
  }

  /** The number of pools open now. */
  public synchronized int openPools() {
    return pools.size();
  }

  /** Closes every pool; later writes fail with {@link IllegalStateException}. */
  @Override
  public void close() {
    List<AuditPool> open;
    synchronized (this) {
      closed = true;
      open = List.copyOf(pools.values());
      pools.clear();
    }
    open.forEach(this::closePool);
  }

  /**
   * The pool of {@code key} for {@code database}, marked in use. A pool of the key for other facts
   * (the Secret changed) is replaced, and closed outside the lock: closing a pool that is still
   * trying to reach a down server takes seconds, and other keys must not wait for it.
   */
  private AuditPool enter(String key, AuditDatabase database) throws AuditUnavailableException {
    Entered entered = enterOrOpen(key, database);
    if (entered.replaced() != null) {
      LOG.info("the database Secret {} changed: replacing its audit connection pool", key);
      closePool(entered.replaced());
    }
    return entered.pool();
  }

  private synchronized Entered enterOrOpen(String key, AuditDatabase database)
      throws AuditUnavailableException {
    if (closed) {
      throw new IllegalStateException("the audit writer is closed");
    }
    AuditPool current = pools.get(key);
    AuditPool pool = current;
    if (current == null || !current.database().equals(database)) {
      pool = AuditPool.open(key, database, clock.instant());
      pools.put(key, pool);
    }
    pool.enter(clock.instant());
    return new Entered(pool, pool == current ? null : current);
  }

  /** The pool a write uses, and the pool it replaced, if any. */
  private record Entered(AuditPool pool, AuditPool replaced) {}

  private void closePool(AuditPool pool) {
    LOG.debug("closing the audit connection pool of {}", pool.database().server());
    pool.close();
  }

  private static AuditUnavailableException unavailable(AuditDatabase database, SQLException e) {
    if (causedByInterrupt(e)) {
      // The pool gave up waiting because this thread was interrupted: keep that visible.
      Thread.currentThread().interrupt();
    }
    boolean refused = SqlFailures.isRefusal(e);
    return new AuditUnavailableException(
        (refused ? "audit rows refused by " : "audit rows not written to ")
            + database.server()
            + ": "
            + database.redact(rootMessage(e)),
        e,
        refused);
  }

  private static boolean causedByInterrupt(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /** The innermost message of a failure, on one line. */
  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
