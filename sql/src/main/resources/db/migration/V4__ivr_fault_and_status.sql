-- IVR: fault reports (a work order per call, its number read back) and work-order status by number.

INSERT INTO ivr_node (code, kind, prompt, action, argument, next_code, timeout_ms, max_retries, on_failure) VALUES
  ('FAULT',          'MENU',   'fault-type-menu', NULL,           NULL,            NULL,    5000,  3, 'FAULT_AGENT'),
  ('FAULT_NO_POWER', 'ACTION', NULL,              'FAULT_REPORT', 'NO_POWER',      'AFTER', 5000,  3, 'FAULT_AGENT'),
  ('FAULT_AREA',     'ACTION', NULL,              'FAULT_REPORT', 'AREA_OUTAGE',   'AFTER', 5000,  3, 'FAULT_AGENT'),
  ('FAULT_METER',    'ACTION', NULL,              'FAULT_REPORT', 'METER',         'AFTER', 5000,  3, 'FAULT_AGENT'),
  ('FAULT_HAZARD',   'ACTION', NULL,              'FAULT_REPORT', 'SAFETY_HAZARD', 'AFTER', 5000,  3, 'FAULT_AGENT'),
  ('STATUS',         'ACTION', NULL,              'ORDER_STATUS', NULL,            'AFTER', 15000, 2, 'AGENT');

INSERT INTO ivr_transition (node_code, digit, target_code) VALUES
  ('FAULT', '1', 'FAULT_NO_POWER'),
  ('FAULT', '2', 'FAULT_AREA'),
  ('FAULT', '3', 'FAULT_METER'),
  ('FAULT', '4', 'FAULT_HAZARD'),
  ('FAULT', '0', 'FAULT_AGENT'),
  ('MAIN',  '3', 'STATUS');

UPDATE ivr_transition SET target_code = 'FAULT' WHERE node_code = 'MAIN' AND digit = '2';
