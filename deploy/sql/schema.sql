-- DailyCup analytics schema: the source table, the daily summary the refresh job maintains,
-- and the audit table the operator writes. MySQL 8 and MariaDB 10.6+; InnoDB, utf8mb4.
--
-- The refresh job reads this file (it is packaged into the job jar) to create the summary
-- table when it is missing, so this is the one definition of that table. Every statement is
-- idempotent and ends with a semicolon at the end of a line.
--
-- All timestamps are UTC. Local days (the job's --time-zone) are mapped to UTC ranges by the
-- job, never by converting each row, so the range conditions below stay index range scans.

-- Source: one row per message an integration sent or received. Written by the application.
CREATE TABLE IF NOT EXISTS integration_messages (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  integration VARCHAR(64) NOT NULL COMMENT 'integration key, e.g. shopify',
  direction VARCHAR(16) NOT NULL COMMENT 'inbound or outbound',
  status VARCHAR(16) NOT NULL COMMENT 'delivered, failed, retried, rejected',
  created_at DATETIME(3) NOT NULL COMMENT 'UTC time the message was recorded',
  processing_ms INT UNSIGNED NULL COMMENT 'time to process, NULL when not processed',
  payload_bytes INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  -- The refresh reads a day as `created_at >= ? AND created_at < ?` and groups by the other
  -- columns: this index covers the whole query, so a refresh is a range scan of the index
  -- and never touches the rows themselves.
  KEY idx_integration_messages_refresh
    (created_at, integration, direction, status, processing_ms, payload_bytes)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Summary: one row per local day, integration, direction and status. Rebuilt by the job only.
-- Sums and counts are stored rather than averages so that any roll-up stays exact:
-- average processing time = total_processing_ms / processed_count.
CREATE TABLE IF NOT EXISTS analytics_integration_messages_daily_mat (
  day DATE NOT NULL COMMENT 'local day in the refresh time zone',
  integration VARCHAR(64) NOT NULL,
  direction VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  message_count BIGINT UNSIGNED NOT NULL,
  processed_count BIGINT UNSIGNED NOT NULL COMMENT 'messages with a processing time',
  total_processing_ms BIGINT UNSIGNED NOT NULL,
  max_processing_ms INT UNSIGNED NULL,
  total_payload_bytes BIGINT UNSIGNED NOT NULL,
  refreshed_at DATETIME(3) NOT NULL COMMENT 'UTC time of the run that wrote the row',
  PRIMARY KEY (day, integration, direction, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Audit: what the refresh operator did, insert only. The unique key makes a retried insert
-- of the same event a no-op.
CREATE TABLE IF NOT EXISTS analytics_refresh_audit (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  occurred_at DATETIME(3) NOT NULL COMMENT 'UTC',
  action VARCHAR(64) NOT NULL,
  actor VARCHAR(255) NOT NULL,
  target VARCHAR(512) NOT NULL COMMENT 'namespace/name and table',
  outcome VARCHAR(32) NOT NULL,
  run_id VARCHAR(253) NULL COMMENT 'Job name',
  details TEXT NULL COMMENT 'JSON',
  event_key VARCHAR(191) NOT NULL COMMENT 'identity of the event, for idempotent inserts',
  PRIMARY KEY (id),
  UNIQUE KEY uk_analytics_refresh_audit_event (event_key),
  KEY idx_analytics_refresh_audit_occurred (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
