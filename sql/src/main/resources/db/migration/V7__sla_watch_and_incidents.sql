-- The SLA watch warns an order's assignee once, at 80% of its time: remember when it did.
ALTER TABLE work_order ADD COLUMN sla_warned_at DATETIME(3) NULL AFTER sla_paused_seconds;

-- An incident (many fault reports from one area) is announced to callers from that area like an outage.
ALTER TABLE outage_notice ADD COLUMN incident_id BIGINT NULL,
  ADD CONSTRAINT fk_outage_incident FOREIGN KEY (incident_id) REFERENCES incident (id);

-- Incidents are resolved by people while reports may still be folding in: guard with a version.
ALTER TABLE incident ADD COLUMN reports INT NOT NULL DEFAULT 0, ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
