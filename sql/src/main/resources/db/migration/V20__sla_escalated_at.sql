-- When the breach of the deadline the SLA clock runs to now was escalated (by the SLA watch, or a person
-- escalated the order while it ran); cleared when the clock moves on to the resolve deadline, so a late fix
-- is escalated too and not only a late response. Orders escalated before this column get the time of their
-- latest escalation, as if it had been set then.
ALTER TABLE work_order
  ADD COLUMN sla_escalated_at DATETIME(3) NULL AFTER sla_warned_at;

UPDATE work_order w
   SET w.sla_escalated_at = COALESCE((SELECT MAX(e.occurred_at) FROM work_order_event e
                                       WHERE e.work_order_id = w.id AND e.event_type IN ('ESCALATED', 'SLA_BREACHED')),
                                     w.created_at)
 WHERE w.escalation_level > 0;
