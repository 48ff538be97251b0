-- IVR: the voice mailbox, on key 8 of the main menu.
INSERT INTO ivr_node (code, kind, prompt, action, argument, next_code, timeout_ms, max_retries, on_failure) VALUES
  ('VOICEMAIL', 'ACTION', 'leave-message', 'VOICEMAIL', NULL, 'GOODBYE', 5000, 0, NULL);
INSERT INTO ivr_transition (node_code, digit, target_code) VALUES ('MAIN', '8', 'VOICEMAIL');
