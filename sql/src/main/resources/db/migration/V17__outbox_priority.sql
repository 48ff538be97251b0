-- Bulk notifications (payment reminders: tens of thousands at once) must not hold up the ones a person is
-- waiting for (order accepted, crew dispatched, escalations): the sender takes the lower number first.
ALTER TABLE notification_outbox
  ADD COLUMN priority TINYINT NOT NULL DEFAULT 5 COMMENT '1 urgent .. 9 bulk; sent lowest first' AFTER status,
  ADD KEY ix_notification_priority (status, priority, id);
