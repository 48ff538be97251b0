-- Two SLA deadlines per order, as the rules have always held them: respond_minutes (a crew on site, a complaint
-- answered) and resolve_minutes. sla_due_at is the one the clock runs to: the respond deadline until work starts,
-- then the resolve deadline kept here (moved like sla_due_at by time spent waiting on the customer).
ALTER TABLE work_order
  ADD COLUMN resolve_due_at DATETIME(3) NULL AFTER sla_due_at;
