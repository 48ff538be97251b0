-- Outbound calls the application asks Asterisk to place (click-to-dial, reminder and survey calls), with
-- what became of each. The request key makes a repeated request (double click, retried job) one call.
CREATE TABLE outbound_call (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  request_key   VARCHAR(64)  NOT NULL,
  purpose       VARCHAR(16)  NOT NULL COMMENT 'CLICK_TO_DIAL, REMINDER, SURVEY',
  number        VARCHAR(32)  NOT NULL,
  account_id    BIGINT       NULL,
  requested_by  VARCHAR(64)  NOT NULL,
  state         VARCHAR(16)  NOT NULL COMMENT 'REQUESTED, DIALLING, ANSWERED, NO_ANSWER, BUSY, FAILED',
  reason        VARCHAR(64)  NULL COMMENT 'why it failed, in words for the log and console',
  call_uid      VARCHAR(64)  NULL COMMENT 'Asterisk uniqueid of the outbound channel = call_record.call_uid',
  requested_at  DATETIME(3)  NOT NULL,
  answered_at   DATETIME(3)  NULL,
  ended_at      DATETIME(3)  NULL,
  version       INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbound_call_request (request_key),
  KEY ix_outbound_call_state (state, requested_at),
  CONSTRAINT fk_outbound_call_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
