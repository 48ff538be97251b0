-- A notification that could not be delivered is tried again later, each time waiting longer.
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at DATETIME(3) NULL AFTER attempts,
  ADD COLUMN provider_id VARCHAR(64) NULL COMMENT 'the SMS centre''s message id or the mail server''s' AFTER sent_at,
  ADD KEY ix_notification_due (status, next_attempt_at);
