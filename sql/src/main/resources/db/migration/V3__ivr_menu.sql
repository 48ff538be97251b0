-- The IVR menu tree as data: an administrator changes menus, prompts, keys, time-outs and retries here
-- and the FastAGI interpreter follows, with no code change. Prompts are sound file names under
-- utilitydesk/ in Asterisk's sounds folder; Asterisk picks the language folder (zh default, en).

CREATE TABLE ivr_node (
  code         VARCHAR(32)  NOT NULL,
  kind         VARCHAR(8)   NOT NULL COMMENT 'MENU (play prompt, read one key) or ACTION (run a function, then go on)',
  prompt       VARCHAR(64)  NULL     COMMENT 'sound played by a MENU, or before an ACTION',
  action       VARCHAR(32)  NULL     COMMENT 'ACTION nodes: BILL_INQUIRY, TRANSFER, SET_LANGUAGE, HANGUP',
  argument     VARCHAR(32)  NULL     COMMENT 'for the action: skill code for TRANSFER, language for SET_LANGUAGE',
  next_code    VARCHAR(32)  NULL     COMMENT 'ACTION nodes: where the call goes afterwards',
  timeout_ms   INT          NOT NULL DEFAULT 5000,
  max_retries  INT          NOT NULL DEFAULT 3 COMMENT 'wrong keys or silences before on_failure',
  on_failure   VARCHAR(32)  NULL     COMMENT 'where a caller goes after max_retries (usually an agent)',
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ivr_transition (
  node_code    VARCHAR(32) NOT NULL,
  digit        CHAR(1)     NOT NULL,
  target_code  VARCHAR(32) NOT NULL,
  PRIMARY KEY (node_code, digit),
  CONSTRAINT fk_ivr_transition_node FOREIGN KEY (node_code) REFERENCES ivr_node (code) ON DELETE CASCADE,
  CONSTRAINT fk_ivr_transition_target FOREIGN KEY (target_code) REFERENCES ivr_node (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ivr_node (code, kind, prompt, action, argument, next_code, timeout_ms, max_retries, on_failure) VALUES
  ('MAIN',        'MENU',   'main-menu',        NULL,           NULL,      NULL,      5000, 3, 'AGENT'),
  ('BILL',        'ACTION', NULL,               'BILL_INQUIRY', NULL,      'AFTER',   5000, 3, 'AGENT'),
  ('AFTER',       'MENU',   'anything-else',    NULL,           NULL,      NULL,      5000, 2, 'GOODBYE'),
  ('AGENT',       'ACTION', 'transfer-to-agent','TRANSFER',     'BILLING', 'GOODBYE', 5000, 0, NULL),
  ('FAULT_AGENT', 'ACTION', 'transfer-to-agent','TRANSFER',     'FAULT_REPAIR', 'GOODBYE', 5000, 0, NULL),
  ('ENGLISH',     'ACTION', NULL,               'SET_LANGUAGE', 'en',      'MAIN',    5000, 0, NULL),
  ('GOODBYE',     'ACTION', 'goodbye',          'HANGUP',       NULL,      NULL,      5000, 0, NULL);

INSERT INTO ivr_transition (node_code, digit, target_code) VALUES
  ('MAIN',  '1', 'BILL'),
  ('MAIN',  '2', 'FAULT_AGENT'),
  ('MAIN',  '0', 'AGENT'),
  ('MAIN',  '9', 'ENGLISH'),
  ('AFTER', '1', 'MAIN'),
  ('AFTER', '0', 'AGENT'),
  ('AFTER', '#', 'GOODBYE');
