-- Automatic call distribution: how each queue's requirement relaxes as a caller waits, ring and wrap-up
-- times, opening hours, callback tasks, wrap-up dispositions and not-ready reasons.

ALTER TABLE call_queue
  ADD COLUMN ring_seconds    INT  NOT NULL DEFAULT 20 COMMENT 'how long an offered agent''s phone rings before the call goes back in line',
  ADD COLUMN wrap_up_seconds INT  NOT NULL DEFAULT 60 COMMENT 'after-call work time before the agent is ready again by themselves',
  ADD COLUMN opens_at        TIME NULL COMMENT 'local time (Asia/Shanghai) the queue opens; NULL with closes_at NULL = round the clock',
  ADD COLUMN closes_at       TIME NULL;

UPDATE call_queue SET opens_at = '08:00:00', closes_at = '20:00:00' WHERE code = 'Q-BUSINESS';

CREATE TABLE acd_relaxation (
  queue_id         BIGINT NOT NULL,
  after_seconds    INT    NOT NULL,
  min_proficiency  INT    NOT NULL,
  PRIMARY KEY (queue_id, after_seconds),
  CONSTRAINT ck_acd_relaxation_level CHECK (min_proficiency BETWEEN 1 AND 10),
  CONSTRAINT fk_acd_relaxation_queue FOREIGN KEY (queue_id) REFERENCES call_queue (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A fresh caller waits for a strong agent; after 20 s a fair one will do, after 45 s anyone with the skill.
INSERT INTO acd_relaxation (queue_id, after_seconds, min_proficiency)
  SELECT id, 0, 6 FROM call_queue UNION ALL
  SELECT id, 20, 3 FROM call_queue UNION ALL
  SELECT id, 45, 1 FROM call_queue;

ALTER TABLE call_record
  ADD COLUMN priority          INT         NULL COMMENT 'routing priority when queued: VIP 30, complaint 20, repeat caller 10, summed',
  ADD COLUMN agent_answered_at DATETIME(3) NULL COMMENT 'when the agent picked up (answered_at is when the IVR did)',
  ADD COLUMN wrapped_up_at     DATETIME(3) NULL,
  ADD KEY ix_call_record_agent (agent_id, started_at);

-- Where a TRANSFER node goes when the caller cannot or will not wait: the mailbox.
UPDATE ivr_node SET on_failure = 'VOICEMAIL' WHERE action = 'TRANSFER' AND on_failure IS NULL;

CREATE TABLE callback_task (
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  call_id        BIGINT      NOT NULL COMMENT 'the call whose caller asked to be called back',
  caller_number  VARCHAR(32) NOT NULL,
  skill_code     VARCHAR(32) NOT NULL,
  priority       INT         NOT NULL DEFAULT 0,
  queued_at      DATETIME(3) NOT NULL COMMENT 'when the caller joined the line: their place',
  state          VARCHAR(16) NOT NULL COMMENT 'WAITING, DIALLING, DONE, FAILED',
  agent_id       BIGINT      NULL,
  outbound_id    BIGINT      NULL,
  attempts       INT         NOT NULL DEFAULT 0,
  created_at     DATETIME(3) NOT NULL,
  done_at        DATETIME(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_callback_task_call (call_id),
  KEY ix_callback_task_state (state, queued_at),
  CONSTRAINT fk_callback_task_call FOREIGN KEY (call_id) REFERENCES call_record (id),
  CONSTRAINT fk_callback_task_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE disposition_code (
  code        VARCHAR(32) NOT NULL,
  name_zh     VARCHAR(60) NOT NULL,
  name_en     VARCHAR(60) NOT NULL,
  needs_note  BOOLEAN     NOT NULL DEFAULT FALSE,
  rank_no     INT         NOT NULL DEFAULT 100,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO disposition_code (code, name_zh, name_en, needs_note, rank_no) VALUES
  ('RESOLVED',     '问题已解决',   'Resolved on the call',       FALSE, 10),
  ('WORK_ORDER',   '已建工单',     'Work order created',         FALSE, 20),
  ('INFO_GIVEN',   '信息咨询',     'Information given',          FALSE, 30),
  ('COMPLAINT',    '投诉已受理',   'Complaint taken',            TRUE,  40),
  ('CALL_BACK',    '需回电',       'Needs a call back',          TRUE,  50),
  ('TRANSFERRED',  '已转接',       'Transferred',                FALSE, 60),
  ('WRONG_NUMBER', '打错电话',     'Wrong number',               FALSE, 70),
  ('OTHER',        '其他',         'Other',                      TRUE,  90);

CREATE TABLE not_ready_reason (
  code     VARCHAR(32) NOT NULL,
  name_zh  VARCHAR(60) NOT NULL,
  name_en  VARCHAR(60) NOT NULL,
  chosen_by_agent BOOLEAN NOT NULL DEFAULT TRUE COMMENT 'FALSE: set by the system (login, missed call)',
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO not_ready_reason (code, name_zh, name_en, chosen_by_agent) VALUES
  ('BREAK',    '小休',         'Short break',      TRUE),
  ('LUNCH',    '用餐',         'Meal',             TRUE),
  ('TRAINING', '培训',         'Training',         TRUE),
  ('MEETING',  '班组会议',     'Team meeting',     TRUE),
  ('BACKLOG',  '处理工单',     'Back-office work', TRUE),
  ('LOGIN',    '刚登录',       'Just logged in',   FALSE),
  ('RONA',     '未接来电',     'Missed a call',    FALSE);
