-- Payment reminders: hours in which no customer is contacted whatever a policy says (night, the midday
-- rest), and what each reminder row needs to be shown on the customer 360 and traced to its delivery.
CREATE TABLE reminder_quiet_period (
  id        BIGINT      NOT NULL AUTO_INCREMENT,
  name      VARCHAR(60) NOT NULL,
  starts_at TIME        NOT NULL COMMENT 'local time; a period may run past midnight (21:00-08:00)',
  ends_at   TIME        NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO reminder_quiet_period (name, starts_at, ends_at) VALUES
  ('夜间免打扰', '21:00:00', '08:00:00'),
  ('午休免打扰', '12:00:00', '13:30:00');

ALTER TABLE payment_reminder
  ADD COLUMN customer_id      BIGINT        NULL AFTER policy_id,
  ADD COLUMN amount_due       DECIMAL(12,2) NULL AFTER customer_id,
  ADD COLUMN recipient        VARCHAR(120)  NULL AFTER channel,
  ADD COLUMN delivery_key     VARCHAR(96)   NULL COMMENT 'notification_outbox.dedup_key or outbound_call.request_key' AFTER recipient,
  ADD COLUMN job_execution_id BIGINT        NULL,
  ADD KEY ix_payment_reminder_customer (customer_id, created_at),
  ADD KEY ix_payment_reminder_pending (status, channel, created_at),
  ADD CONSTRAINT fk_payment_reminder_customer FOREIGN KEY (customer_id) REFERENCES customer (id);
