-- Desk call controls (hold, transfer, hang-up through the manager interface) and the phone check:
-- an agent whose phone goes offline is taken out of routing with this reason, set by the system.
INSERT INTO not_ready_reason (code, name_zh, name_en, chosen_by_agent) VALUES
  ('PHONE_OFFLINE', '话机离线', 'Phone offline', FALSE);
