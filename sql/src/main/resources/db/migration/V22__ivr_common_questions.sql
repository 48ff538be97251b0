-- IVR: common questions on key 5 of the main menu, answered by reading the knowledge base's published public
-- answer aloud (speech synthesis). An article node's argument names the article to read in Chinese and the one
-- in English, space-separated; a caller hears the one in their language. Without speech synthesis, or when the
-- article is not published for the public, the caller is told so and goes to an agent (on_failure).
INSERT INTO ivr_node (code, kind, prompt, action, argument, next_code, timeout_ms, max_retries, on_failure) VALUES
  ('FAQ',        'MENU',   'faq-menu', NULL,           NULL,            NULL,    5000, 3, 'AGENT'),
  ('FAQ_PAY',    'ACTION', NULL,       'READ_ARTICLE', 'KBS012 KBS042', 'AFTER', 5000, 0, 'AGENT'),
  ('FAQ_OUTAGE', 'ACTION', NULL,       'READ_ARTICLE', 'KBS001 KBS041', 'AFTER', 5000, 0, 'FAULT_AGENT'),
  ('FAQ_GAS',    'ACTION', NULL,       'READ_ARTICLE', 'KBS031 KBS045', 'AFTER', 5000, 0, 'FAULT_AGENT');

INSERT INTO ivr_transition (node_code, digit, target_code) VALUES
  ('MAIN', '5', 'FAQ'),
  ('FAQ',  '1', 'FAQ_PAY'),
  ('FAQ',  '2', 'FAQ_OUTAGE'),
  ('FAQ',  '3', 'FAQ_GAS'),
  ('FAQ',  '0', 'AGENT');
