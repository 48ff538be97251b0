-- IVR: a chosen month's bill (usage, amount, settled or what is left and by when), on key 4 of the main
-- menu and on key 2 after hearing what is due. The caller keys the month as YYYYMM (e.g. 202610).
INSERT INTO ivr_node (code, kind, prompt, action, argument, next_code, timeout_ms, max_retries, on_failure) VALUES
  ('STATEMENT', 'ACTION', NULL, 'BILL_STATEMENT', NULL, 'AFTER', 10000, 2, 'AGENT');
INSERT INTO ivr_transition (node_code, digit, target_code) VALUES
  ('MAIN', '4', 'STATEMENT'),
  ('AFTER', '2', 'STATEMENT');
